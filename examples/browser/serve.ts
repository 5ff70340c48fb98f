// A plain HTML page that chats through the SDK's browser build, and the little backend it
// needs:
//
//   SPOOL_ACCESS_KEY=… npx tsx examples/browser/serve.ts    then open http://localhost:4000
//
// The backend holds the access key (it never reaches the page), hands the page a token for
// its user, serves the SDK's browser build, and passes /api/* through to Spool so that the
// page talks to one origin. Open it in two windows with the names swapped to chat.
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { SpoolAdmin } from "@spool/sdk";

const spoolUrl = process.env.SPOOL_URL ?? "http://localhost:3000";
const accessKey = process.env.SPOOL_ACCESS_KEY;
if (!accessKey) {
  console.error("Set SPOOL_ACCESS_KEY: the dev server writes one to .env on its first run.");
  process.exit(2);
}
const admin = new SpoolAdmin({ url: spoolUrl, accessKey });
const page = fileURLToPath(new URL("index.html", import.meta.url));
const sdk = fileURLToPath(import.meta.resolve("@spool/sdk/browser"));

async function body(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A user of this demo, by name. A real app would first check who is asking. */
async function user(request: IncomingMessage) {
  const { name } = JSON.parse((await body(request)).toString()) as { name: string };
  return admin.createUser({ name, externalId: `browser-demo-${name.toLowerCase()}` });
}

async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const path = request.url ?? "/";
  const json = (data: unknown) =>
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(data));
  if (path === "/") {
    response.writeHead(200, { "content-type": "text/html" }).end(await readFile(page));
  } else if (path === "/spool-sdk.js") {
    response.writeHead(200, { "content-type": "text/javascript" }).end(await readFile(sdk));
  } else if (path === "/user" && request.method === "POST") {
    json(await user(request));
  } else if (path === "/token" && request.method === "POST") {
    const { id } = await user(request);
    json(await admin.issueToken(id, { expiresInMinutes: 60 }));
  } else if (path.startsWith("/api/")) {
    // Spool's API, on this page's origin.
    const headers = new Headers();
    for (const name of ["authorization", "content-type"]) {
      const value = request.headers[name];
      if (typeof value === "string") headers.set(name, value);
    }
    const hasBody = request.method !== "GET" && request.method !== "HEAD";
    const answer = await fetch(new URL(path, spoolUrl), {
      method: request.method,
      headers,
      body: hasBody ? await body(request) : undefined,
    });
    response.writeHead(answer.status, {
      "content-type": answer.headers.get("content-type") ?? "text/plain",
    });
    response.end(Buffer.from(await answer.arrayBuffer()));
  } else {
    response.writeHead(404).end();
  }
}

const server = createServer((request, response) => {
  serve(request, response).catch((error: unknown) => {
    console.error(error);
    if (!response.headersSent) response.writeHead(500);
    response.end();
  });
});
server.listen(Number(process.env.PORT ?? 4000), "127.0.0.1", () => {
  const { port } = server.address() as AddressInfo;
  console.log(`open http://127.0.0.1:${port}`);
});
