import { testDatabaseKinds } from "@spool/db/testing";
import { describe, expect, it } from "vitest";
import { limits } from "../src/limits";
import { useApi } from "./support/harness";
import { endlessBody, httpApi, refusal, result } from "./support/http";

// Requests are refused by size before anything parses them, and batches by their count.

describe.each(testDatabaseKinds)("request limits on %s", (kind) => {
  const api = useApi(kind);
  const http = httpApi(api);

  async function fixture() {
    const [owner] = await api.users(1, "Limits");
    const { thread } = await owner.api.thread.create({ kind: "group", topic: "Limits" });
    return { threadId: thread.id, as: { session: owner.id } };
  }

  const post = (path: string, body: RequestInit["body"], headers: Record<string, string> = {}) =>
    new Request(http.url(path), {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body,
      duplex: "half",
    } as RequestInit);

  it("refuses an 8 MB message.send with 413 and stores nothing", async () => {
    const f = await fixture();
    const body = JSON.stringify({ json: { threadId: f.threadId, content: "x".repeat(8 << 20) } });
    const request = post("message.send", body, { "content-length": String(body.length) });
    const refused = await refusal(await http.handle(request, f.as));
    expect(refused).toMatchObject({
      status: 413,
      spoolCode: "PAYLOAD_TOO_LARGE",
      message: `The request body is ${body.length} bytes; the limit is 1048576 (1 MiB).`,
    });
    expect(await api.db.message.count({ where: { threadId: f.threadId } })).toBe(0);
  });

  it("counts the bytes of a chunked body, which has no Content-Length", async () => {
    const f = await fixture();
    const endless = endlessBody();
    const request = post("message.send", endless.stream);
    expect(request.headers.get("content-length")).toBeNull();
    const refused = await refusal(await http.handle(request, f.as));
    expect(refused).toMatchObject({
      status: 413,
      spoolCode: "PAYLOAD_TOO_LARGE",
      message: "The request body is over 1048576 bytes; the limit is 1048576 (1 MiB).",
    });
    // It stopped reading soon after the limit instead of draining the stream.
    expect(endless.sent).toBeLessThan(limits.bodyBytes + 4 * endless.chunkBytes);
  });

  it("answers an oversized body that another reader also holds, as a clone's is", async () => {
    const f = await fixture();
    // No Content-Length, so the limit is found while streaming; the original keeps its
    // branch of the body unread, which once made the refusal wait forever.
    const original = post("message.send", "x".repeat(2 << 20));
    expect(original.headers.get("content-length")).toBeNull();
    const refused = await refusal(await http.handle(original.clone(), f.as));
    expect(refused).toMatchObject({ status: 413, spoolCode: "PAYLOAD_TOO_LARGE" });
  });

  it("takes the largest valid message even with every byte escaped as \\u00XX", async () => {
    const f = await fixture();
    const escaped = (text: string) =>
      [...text].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join("");
    const content = "\u0001".repeat(limits.contentBytes);
    const value = "a".repeat(limits.metadataBytes - '{"k":""}'.length);
    const body =
      `{"json":{"threadId":"${f.threadId}","content":"${escaped(content)}",` +
      `"metadata":{"k":"${escaped(value)}"},"clientMessageId":"${"c".repeat(128)}",` +
      `"type":"text","priority":"normal"}}`;
    expect(body.length).toBeGreaterThan(190_000);
    const sent = await result<{ content: string; metadata: Record<string, string> }>(
      await http.handle(post("message.send", body), f.as),
    );
    expect(sent.content).toBe(content);
    expect(sent.metadata).toEqual({ k: value });
  });

  it("refuses a URL over the limit with 413, since a query's input travels in it", async () => {
    const f = await fixture();
    const refused = await refusal(
      await http.query("user.search", { query: "q".repeat(limits.urlBytes) }, f.as),
    );
    expect(refused).toMatchObject({ status: 413, spoolCode: "PAYLOAD_TOO_LARGE" });
    expect(refused.message).toMatch(/^The URL is \d+ bytes; the limit is 8192\./);
  });

  it(`refuses a batch of more than ${limits.batchCalls} calls, and takes one of that many`, async () => {
    const f = await fixture();
    const batch = (count: number) => {
      const paths = Array.from({ length: count }, () => "message.send").join(",");
      const inputs = Object.fromEntries(
        Array.from({ length: count }, (_, i) => [
          i,
          { json: { threadId: f.threadId, content: `m${i}` } },
        ]),
      );
      return http.handle(post(`${paths}?batch=1`, JSON.stringify(inputs)), f.as);
    };
    const refused = await refusal(await batch(50));
    expect(refused).toMatchObject({
      status: 400,
      spoolCode: "BATCH_TOO_LARGE",
      message: "This batch has 50 calls; a batch has at most 10.",
    });
    expect(await api.db.message.count({ where: { threadId: f.threadId } })).toBe(0);

    const taken = await batch(limits.batchCalls);
    expect(taken.status).toBe(200);
    expect(await taken.json()).toHaveLength(limits.batchCalls);
  });
});
