// The embedded default under a crowd: clients in threads of equal size, each subscribed with
// pusher-js and sending one message every `loadSendEverySeconds` (at a random phase). Every
// message is owed to every other member of its thread; the app's memory is sampled each second.
import pLimit from "p-limit";
import { threadChannel } from "@spool/realtime/contract";
import { Api, createGroup, createUsers } from "../api";
import type { AppServer } from "../app-server";
import { deliveryDeadlineMs, sizes } from "../config";
import { Deliveries } from "../deliveries";
import type { Row, Run } from "../row";
import { percentile, slope } from "../stats";
import { closeAll, crowd, discoverTarget, pusherListener } from "../subscribers";
import { load, now, sleep } from "../timing";

export async function deliveryUnderLoadRows(app: AppServer): Promise<Row[]> {
  const users = await createUsers(app.url, app.accessKey, sizes.loadClients, "crowd");
  const perThread = sizes.loadClients / sizes.loadThreads;
  const limit = pLimit(4);
  const threads = await Promise.all(
    Array.from({ length: sizes.loadThreads }, (_, t) =>
      limit(() => {
        const members = users.slice(t * perThread, (t + 1) * perThread);
        return createGroup(
          Api.asUser(app.url, members[0]!),
          members.slice(1).map((u) => u.id),
          `crowd ${t}`,
        );
      }),
    ),
  );
  let deliveries = new Deliveries();
  const target = await discoverTarget(app.url);
  const listeners = await crowd(sizes.loadClients, (index) => {
    const thread = threads[Math.floor(index / perThread)]!;
    return pusherListener(
      target,
      threadChannel(thread.id, thread.channelEpoch),
      "message.created",
      (data) => deliveries.arrived((data as { messageId: string }).messageId),
      users[index]!.token,
    );
  });

  const runs = { p50: [] as Run[], p99: [] as Run[], missing: [] as Run[], slope: [] as Run[] };
  let failed = 0;
  for (let run = 0; run < sizes.runs; run++) {
    deliveries = new Deliveries();
    const at = load();
    const memory: { x: number; y: number }[] = [];
    const began = now();
    const sampler = setInterval(
      () => memory.push({ x: (now() - began) / 1000, y: app.rssMiB() }),
      1000,
    );
    const end = began + sizes.loadSeconds * 1000;
    await Promise.all(
      users.map(async (user, index) => {
        const api = Api.asUser(app.url, user);
        const threadId = threads[Math.floor(index / perThread)]!.id;
        const everyMs = sizes.loadSendEverySeconds * 1000;
        await sleep(Math.random() * everyMs);
        while (now() < end) {
          const sentAt = now();
          await api
            .mutation<{ id: string }>("message.send", { threadId, content: `from ${index}` })
            .then(
              (message) => deliveries.sent(message.id, sentAt),
              () => failed++,
            );
          await sleep(Math.max(0, sentAt + everyMs - now()));
        }
      }),
    );
    clearInterval(sampler);
    await sleep(deliveryDeadlineMs);
    const latencies = deliveries.latencies();
    // Every message is owed to the other members of its thread; the sender listens too.
    runs.p50.push({ floor: null, spool: percentile(latencies, 50), load: at });
    runs.p99.push({ floor: null, spool: percentile(latencies, 99), load: at });
    runs.missing.push({ floor: null, spool: deliveries.missing(() => perThread), load: at });
    runs.slope.push({ floor: null, spool: slope(memory), load: at });
  }
  closeAll(listeners);
  const crowdName = `${sizes.loadClients} clients in ${sizes.loadThreads} threads, PGlite`;
  return [
    {
      title: `delivery under ${crowdName}, p50`,
      floorName: null,
      unit: "ms",
      runs: runs.p50,
      goal: { kind: "none" },
      note: `each client sends every ${sizes.loadSendEverySeconds} s for ${sizes.loadSeconds} s per run; ${failed} sends refused or failed`,
    },
    {
      title: `delivery under ${crowdName}, p99`,
      floorName: null,
      unit: "ms",
      runs: runs.p99,
      goal: { kind: "at-most", value: 1000 },
    },
    {
      title: `events undelivered after ${deliveryDeadlineMs / 1000} s, ${crowdName}`,
      floorName: null,
      unit: "",
      runs: runs.missing,
      goal: { kind: "at-most", value: 0 },
    },
    {
      title: `memory slope of the app, ${crowdName}`,
      floorName: null,
      unit: "MiB/s",
      runs: runs.slope,
      goal: { kind: "at-most", value: 0.2 },
      note: "least-squares slope of the app's RSS sampled every second while the crowd sends",
    },
  ];
}
