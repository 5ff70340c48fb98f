// Send → delivered to every subscriber: Spool's message.send heard by pusher-js subscribers of
// the thread, against an HTTP request that INSERTs with plain pg and broadcasts with raw `ws`.
// Every delivery to every subscriber is a sample; the sends go one after another.
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { threadChannel } from "@spool/realtime/contract";
import { Api, createGroup, createUsers } from "../api";
import type { AppServer } from "../app-server";
import { benchRoot, deliveryDeadlineMs, ports, sizes } from "../config";
import { Deliveries } from "../deliveries";
import { httpRequest } from "../http";
import { startScript } from "../processes";
import type { Row, Run } from "../row";
import { percentile } from "../stats";
import { closeAll, crowd, discoverTarget, pusherListener, wsListener } from "../subscribers";
import { load, now, sleep } from "../timing";

const gapMs = 20;

export async function sendDeliverRows(app: AppServer, floorDatabaseUrl: string): Promise<Row[]> {
  const floorServer = startScript(join(benchRoot, "src", "floors", "broadcast-server.ts"), [
    String(ports.floorWs),
    String(ports.floorHttp),
    floorDatabaseUrl,
  ]);
  await floorServer.line((line) => line === "ready");
  const [sender, ...subscribers] = await createUsers(
    app.url,
    app.accessKey,
    sizes.subscribers + 1,
    "deliver",
  );
  const senderApi = Api.asUser(app.url, sender!);
  const thread = await createGroup(
    senderApi,
    subscribers.map((user) => user.id),
  );

  let floor = new Deliveries();
  let spool = new Deliveries();
  const floorListeners = await crowd(sizes.subscribers, () =>
    wsListener(ports.floorWs, (data) => floor.arrived((data as { id: string }).id)),
  );
  const channel = threadChannel(thread.id, thread.channelEpoch);
  const target = await discoverTarget(app.url);
  const spoolListeners = await crowd(sizes.subscribers, (index) =>
    pusherListener(
      target,
      channel,
      "message.created",
      (data) => spool.arrived((data as { messageId: string }).messageId),
      subscribers[index]!.token,
    ),
  );

  const sendFloor = async (content: string) => {
    const id = randomUUID();
    floor.sent(id, now());
    await httpRequest(`http://127.0.0.1:${ports.floorHttp}/send`, {
      method: "POST",
      body: JSON.stringify({ id, threadId: thread.id, content }),
    });
    await floor.settle(id, sizes.subscribers, deliveryDeadlineMs);
  };
  const sendSpool = async (content: string) => {
    const at = now();
    const message = await senderApi.mutation<{ id: string }>("message.send", {
      threadId: thread.id,
      content,
    });
    spool.sent(message.id, at);
    await spool.settle(message.id, sizes.subscribers, deliveryDeadlineMs);
  };
  // Warm both paths (route compilation, connection pools) before anything is counted.
  for (let i = 0; i < 3; i++) {
    await sendFloor("warm-up");
    await sendSpool("warm-up");
  }

  const p50: Run[] = [];
  const p99: Run[] = [];
  for (let run = 0; run < sizes.runs; run++) {
    floor = new Deliveries();
    spool = new Deliveries();
    const at = load();
    // Interleaved, so that both see the same moments of the machine's load.
    for (let i = 0; i < sizes.sendsPerRun; i++) {
      await sendFloor(`message ${i}`);
      await sleep(gapMs);
      await sendSpool(`message ${i}`);
      await sleep(gapMs);
    }
    const f = floor.latencies();
    const s = spool.latencies();
    p50.push({ floor: percentile(f, 50), spool: percentile(s, 50), load: at });
    p99.push({ floor: percentile(f, 99), spool: percentile(s, 99), load: at });
  }
  closeAll([...floorListeners, ...spoolListeners]);
  await floorServer.stop();
  const floorName = "raw pg INSERT + raw ws broadcast";
  const note = `${sizes.subscribers} subscribers, ${sizes.sendsPerRun} sends per run one at a time; every delivery is a sample`;
  return [
    {
      title: `send → delivered to ${sizes.subscribers} pusher-js subscribers, p50`,
      floorName,
      unit: "ms",
      runs: p50,
      goal: { kind: "at-most", value: 3 },
      note,
    },
    {
      title: `send → delivered to ${sizes.subscribers} pusher-js subscribers, p99`,
      floorName,
      unit: "ms",
      runs: p99,
      goal: { kind: "at-most", value: 5 },
    },
  ];
}
