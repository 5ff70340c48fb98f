import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refuseUnfetchableMethods } from "@/server/refuse-unfetchable-methods";

/** Sends `method` with Node's own client, which (unlike fetch) can send any method. */
function send(server: Server, method: string) {
  const { port } = server.address() as AddressInfo;
  return new Promise<{ status: number; allow?: string; body: string }>((resolve, reject) => {
    const outgoing = request({ host: "127.0.0.1", port, method, path: "/api/trpc/user.me" });
    outgoing.on("response", (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () =>
        resolve({ status: response.statusCode!, allow: response.headers.allow, body }),
      );
    });
    outgoing.on("error", reject).end();
  });
}

describe("TRACE, which fetch cannot represent", () => {
  const seen: string[] = [];
  const server = createServer((incoming, response) => {
    seen.push(incoming.method!);
    response.end("handled");
  });

  beforeAll(async () => {
    refuseUnfetchableMethods();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("answers 405 with Allow before the server's own handler sees them", async () => {
    const answer = await send(server, "TRACE");
    expect(answer.status).toBe(405);
    expect(answer.allow).toBe("GET, POST, HEAD, OPTIONS");
    expect(JSON.parse(answer.body)).toMatchObject({
      error: {
        code: "METHOD_NOT_SUPPORTED",
        message: "TRACE is not supported: use one of GET, POST, HEAD, OPTIONS.",
      },
    });
    expect(seen).toEqual([]);
  });

  it("leaves every other method to the server", async () => {
    expect(await send(server, "GET")).toMatchObject({ status: 200, body: "handled" });
    expect(await send(server, "PUT")).toMatchObject({ status: 200, body: "handled" });
    expect(seen).toEqual(["GET", "PUT"]);
  });
});
