import { threadChannel } from "@spool/realtime/contract";
import { followThread, ThreadTimeline } from "@spool/realtime/client";
import { describe, expect, it } from "vitest";
import { useApi } from "../support/harness";
import { useRealtime } from "./stack";

describe("catching up after the realtime server goes away", () => {
  const api = useApi("pglite");
  const realtime = useRealtime(api);

  it("ends with every message exactly once, in order, although the server was down for some", async () => {
    const [ann, ben] = await api.users(2, "CatchUp");
    const { thread } = await ann.api.thread.create({
      kind: "group",
      topic: "Outage",
      memberIds: [ben.id],
    });
    const threadId = thread.id;
    let changed = () => {};
    const timeline = new ThreadTimeline({
      userId: ben.id,
      fetchAfter: (after) => ben.api.message.list({ threadId, after, limit: 4 }),
      onChange: () => changed(),
    });
    const contents = () => timeline.entries().map((entry) => entry.content);
    const until = (done: () => boolean, what: string) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`timed out waiting until ${what}: ${contents().join(", ")}`)),
          30_000,
        );
        changed = () => {
          if (done()) {
            clearTimeout(timer);
            resolve();
          }
        };
        changed();
      });
    const send = async (from: number, to: number) => {
      // Ann's messages, and Ben's own from another device: both must arrive.
      for (let n = from; n <= to; n++)
        await (n % 3 ? ann : ben).api.message.send({ threadId, content: `m${n}` });
    };

    const client = await realtime.connect(ben);
    const stop = followThread(
      client,
      { threadId, channelEpoch: thread.channelEpoch, userId: ben.id },
      timeline,
    );
    await realtime.subscribe(client, threadChannel(threadId, 0));

    await send(1, 5);
    await until(() => timeline.lastSequence === 5, "m1-m5 arrive live");

    const { port } = realtime.server;
    await realtime.server.close();
    await send(6, 15);
    await realtime.publisher.idle();
    expect(realtime.publisher.stats.failed).toBeGreaterThanOrEqual(10);

    await realtime.startServer(port);
    await until(
      () => timeline.lastSequence === 15,
      "pusher-js reconnects and the timeline catches up",
    );
    await send(16, 17);
    await until(() => timeline.lastSequence === 17, "m16-m17 arrive live again");

    const expected = Array.from({ length: 17 }, (_, i) => `m${i + 1}`);
    expect(contents()).toEqual(expected);
    expect(new Set(timeline.entries().map((entry) => entry.id)).size).toBe(17);
    stop();
  });
});
