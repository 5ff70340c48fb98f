import { createServer, type Server } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { testDatabaseKinds } from "@spool/db/testing";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContext } from "../src/context";
import { handleApiRequest, type ApiHandlerOptions } from "../src/http/api-handler";
import { handleNodeApiRequest } from "../src/http/node-handler";
import { limits } from "../src/limits";
import { appRouter } from "../src/root";
import { issueToken } from "../src/services/identity/issue-token";
import { useApi } from "./support/harness";
import { ACCESS_KEY, endlessBody, wire } from "./support/http";

// Spool answers a single call itself, through tRPC's own procedure call and error shaping but
// without a Fetch Request and Response, and on `npm start`'s Node server without either at
// all. Every answer must be the one tRPC's fetch adapter gives: the same status and body.

interface Call {
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  /** A POST's body, or a GET's `input` parameter; absent: none. */
  input?: string;
}

interface Answer {
  status: number;
  contentType: string | null;
  body: unknown;
}

describe.each(testDatabaseKinds)("the API's front doors on %s", (kind) => {
  const api = useApi(kind);
  const options: ApiHandlerOptions = {
    context: async () => ({
      deps: api.deps,
      accessKey: ACCESS_KEY,
      sessionUserId: async () => null,
    }),
  };
  let server: Server;
  let origin: string;
  beforeAll(async () => {
    server = createServer((request, response) => {
      void handleNodeApiRequest(request, response, { ...options, headers: { "X-Host": "yes" } });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const request = ({ method, path, headers = {}, input }: Call, base = "http://localhost") => {
    const query =
      method === "GET" && input !== undefined ? `?input=${encodeURIComponent(input)}` : "";
    const body = method === "POST" ? input : undefined;
    const contentType: Record<string, string> =
      method === "POST" ? { "content-type": "application/json" } : {};
    return new Request(`${base}/api/trpc/${path}${query}`, {
      method,
      headers: { ...contentType, ...headers },
      body,
    });
  };
  const read = async (response: Response): Promise<Answer> => ({
    status: response.status,
    contentType: response.headers.get("content-type"),
    body: JSON.parse(await response.text()) as unknown,
  });

  /** The reference: tRPC's fetch adapter, configured as the API configures it. */
  const byTrpc = (call: Call) =>
    fetchRequestHandler({
      endpoint: "/api/trpc",
      req: request(call),
      router: appRouter,
      createContext: async () =>
        createContext({ ...(await options.context()), headers: request(call).headers }),
      responseMeta: () => ({ headers: { "Cache-Control": "no-store" } }),
    }).then(read);
  const bySpool = (call: Call) => handleApiRequest(request(call), options).then(read);
  const byNode = (call: Call) => fetch(request(call, origin)).then(read);

  async function expectSameAnswers(call: Call): Promise<Answer> {
    const reference = await byTrpc(call);
    expect(await bySpool(call)).toEqual(reference);
    expect(await byNode(call)).toEqual(reference);
    return reference;
  }

  async function fixture() {
    const [ann, eve] = await api.users(2, "Doors");
    const { thread } = await ann.api.thread.create({ kind: "group", topic: "Doors" });
    const bearer = async (userId: string) => {
      const { token } = await issueToken(api.deps, {
        userId,
        scopes: ["chat"],
        expiresInMinutes: 60,
      });
      return { authorization: `Bearer ${token}` };
    };
    return { threadId: thread.id, ann: await bearer(ann.id), eve: await bearer(eve.id) };
  }

  it("answer a send, and its retry, as tRPC does", async () => {
    const f = await fixture();
    const send = wire({ threadId: f.threadId, content: "hello", clientMessageId: "doors-1" });
    // The first try stores it; every door then answers the retry with the original.
    await bySpool({ method: "POST", path: "message.send", headers: f.ann, input: send });
    const answer = await expectSameAnswers({
      method: "POST",
      path: "message.send",
      headers: f.ann,
      input: send,
    });
    expect(answer).toMatchObject({ status: 200, contentType: "application/json" });
    // A body that starts with a byte order mark is read as tRPC reads it: without the mark.
    const marked = await expectSameAnswers({
      method: "POST",
      path: "message.send",
      headers: f.ann,
      input: `\uFEFF${send}`,
    });
    expect(marked).toEqual(answer);
    expect(await api.db.message.count({ where: { threadId: f.threadId } })).toBe(1);
  });

  it("answer queries, with and without input", async () => {
    const f = await fixture();
    const list = await expectSameAnswers({
      method: "GET",
      path: "message.list",
      headers: f.ann,
      input: wire({ threadId: f.threadId }),
    });
    expect(list.status).toBe(200);
    expect(
      (await expectSameAnswers({ method: "GET", path: "user.me", headers: f.ann })).status,
    ).toBe(200);
  });

  it("refuse what tRPC refuses, in its shapes and statuses", async () => {
    const f = await fixture();
    const send = (input: string | undefined, headers: Record<string, string> = f.ann): Call => ({
      method: "POST",
      path: "message.send",
      headers,
      input,
    });
    const deep = JSON.stringify({ json: JSON.parse("[".repeat(200) + "]".repeat(200)) });
    const refusals: [Call, number][] = [
      [send(wire({ threadId: f.threadId, content: "" })), 400],
      [send(wire({ threadId: "not-a-uuid", content: "hi" })), 400],
      [send("{not json"), 400],
      [send(undefined), 400],
      [send(JSON.stringify({ threadId: f.threadId, content: "no envelope" })), 400],
      [send(deep), 400],
      [send(wire({ threadId: f.threadId, content: "hi" }), {}), 401],
      [
        send(wire({ threadId: f.threadId, content: "hi" }), { authorization: "Bearer nonsense" }),
        401,
      ],
      [send(wire({ threadId: f.threadId, content: "hi" }), f.eve), 404],
      [{ method: "GET", path: "message.list", headers: f.ann, input: "{not json" }, 400],
      [{ method: "GET", path: "message.list", headers: f.ann }, 400],
      [{ method: "GET", path: "message.send", headers: f.ann }, 405],
      [{ method: "POST", path: "message.list", headers: f.ann, input: "{}" }, 405],
      [{ method: "POST", path: "message.nothing", headers: f.ann, input: "{}" }, 404],
      [{ method: "POST", path: "message%2Esend", headers: f.ann, input: "{}" }, 400],
    ];
    for (const [call, status] of refusals) {
      const answer = await expectSameAnswers(call);
      expect({ call, status: answer.status }).toEqual({ call, status });
    }
    expect(await api.db.message.count({ where: { threadId: f.threadId } })).toBe(0);
  });

  it("answer nothing to a client gone before its whole body, and go on serving", async () => {
    const f = await fixture();
    const socket = connect(Number(new URL(origin).port), "127.0.0.1");
    await new Promise((resolve) => socket.once("connect", resolve));
    socket.write(
      "POST /api/trpc/message.send HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" +
        `Authorization: ${f.ann.authorization}\r\nContent-Length: 1000\r\n\r\n{"json":`,
    );
    socket.destroy();
    const send = wire({ threadId: f.threadId, content: "still here" });
    const answer = await byNode({
      method: "POST",
      path: "message.send",
      headers: f.ann,
      input: send,
    });
    expect(answer.status).toBe(200);
    expect(await api.db.message.count({ where: { threadId: f.threadId } })).toBe(1);
  });

  it("refuse a body over the limit on the Node server, and close that connection", async () => {
    const f = await fixture();
    const endless = endlessBody();
    const response = await fetch(`${origin}/api/trpc/message.send`, {
      method: "POST",
      headers: { "content-type": "application/json", ...f.ann },
      body: endless.stream,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(response.headers.get("connection")).toBe("close");
    expect(response.headers.get("x-host")).toBe("yes");
    expect(await response.json()).toMatchObject({
      error: { json: { data: { spoolCode: "PAYLOAD_TOO_LARGE" } } },
    });
    expect(endless.sent).toBeLessThan(limits.bodyBytes + 64 * endless.chunkBytes);
  });
});
