import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import Pusher from "pusher";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TriggerBatcher } from "../../src/realtime/trigger-batcher";

/** A Pusher HTTP API that records each call's path and body, refusing bodies that name "bad". */
async function recordingPusherApi() {
  const calls: { path: string; body: { batch?: { channel: string }[]; channels?: string[] } }[] =
    [];
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      calls.push({ path: new URL(request.url!, "http://x").pathname, body: JSON.parse(body) });
      response.writeHead(body.includes("bad") ? 400 : 200).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const pusher = new Pusher({
    appId: "1",
    key: "key",
    secret: "secret",
    host: "127.0.0.1",
    port: String(port),
    useTLS: false,
  });
  return { pusher, calls, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe("TriggerBatcher", () => {
  let api: Awaited<ReturnType<typeof recordingPusherApi>>;
  beforeAll(async () => {
    api = await recordingPusherApi();
  });
  afterAll(() => api.close());

  it("sends events for a few channels, handed over together, in batches of 10", async () => {
    api.calls.length = 0;
    const batcher = new TriggerBatcher(api.pusher);
    const events = Array.from({ length: 6 }, (_, index) => ({
      event: "message.created",
      channels: [`private-thread-${index}-0`, `private-user-${index}`],
      data: JSON.stringify({ index }),
    }));
    await Promise.all(events.map((event) => batcher.send(event)));

    expect(api.calls.map((call) => call.path)).toEqual([
      "/apps/1/batch_events",
      "/apps/1/batch_events",
    ]);
    const channels = api.calls.flatMap((call) => call.body.batch!.map((item) => item.channel));
    expect(channels.sort()).toEqual(events.flatMap((event) => event.channels).sort());
  });

  it("sends an event for many channels in one trigger that names them all", async () => {
    api.calls.length = 0;
    const channels = Array.from({ length: 12 }, (_, index) => `private-user-${index}`);
    await new TriggerBatcher(api.pusher).send({ event: "thread.updated", channels, data: "{}" });
    expect(api.calls).toEqual([
      { path: "/apps/1/events", body: expect.objectContaining({ channels }) },
    ]);
  });

  it("fails only the events of a call that Pusher refused", async () => {
    api.calls.length = 0;
    const batcher = new TriggerBatcher(api.pusher);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 11 }, (_, index) =>
        batcher.send({
          event: "typing",
          channels: [`private-thread-${index}-0`],
          data: index === 10 ? '"bad"' : "{}",
        }),
      ),
    );
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      ...Array(10).fill("fulfilled"),
      "rejected",
    ]);
  });
});
