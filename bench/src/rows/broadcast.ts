// A broadcast to many subscribers of one channel: Spool's embedded realtime server and Soketi
// (both published to with the `pusher` SDK, heard by pusher-js), against raw `ws`.
import { join } from "node:path";
import Pusher from "pusher";
import { benchRoot, deliveryDeadlineMs, ports, sizes } from "../config";
import { Deliveries } from "../deliveries";
import { httpRequest } from "../http";
import { installSoketi, startSoketi } from "../peers/soketi";
import { type Child, startScript } from "../processes";
import type { Row, Run } from "../row";
import { percentile } from "../stats";
import { closeAll, crowd, type Listener, pusherListener, wsListener } from "../subscribers";
import { load, now, sleep } from "../timing";

const app = { id: "bench", key: "bench-key", secret: "bench-secret" };
const channel = "bench-broadcast";
const gapMs = 100;

interface Target {
  start(): Promise<Child>;
  listen(onId: (id: string) => void): Promise<Listener>;
  send(id: string): Promise<unknown>;
}

function pusherTarget(port: number, start: () => Promise<Child>): Target {
  const sdk = new Pusher({
    appId: app.id,
    key: app.key,
    secret: app.secret,
    host: "127.0.0.1",
    port: String(port),
    useTLS: false,
  });
  return {
    start,
    listen: (onId) =>
      pusherListener({ key: app.key, port }, channel, "bench", (data) =>
        onId((data as { id: string }).id),
      ),
    send: (id) => sdk.trigger(channel, "bench", { id }),
  };
}

const targets = {
  floor: {
    start: async () => {
      const child = startScript(join(benchRoot, "src", "floors", "broadcast-server.ts"), [
        String(ports.floorWs),
        String(ports.floorHttp),
      ]);
      await child.line((line) => line === "ready");
      return child;
    },
    listen: (onId) => wsListener(ports.floorWs, (data) => onId((data as { id: string }).id)),
    send: (id) =>
      httpRequest(`http://127.0.0.1:${ports.floorHttp}/send`, {
        method: "POST",
        body: JSON.stringify({ id, content: "" }),
      }),
  } satisfies Target,
  spool: pusherTarget(ports.spoolRealtime, async () => {
    const child = startScript(join(benchRoot, "src", "peers", "spool-realtime-server.ts"), [
      String(ports.spoolRealtime),
      app.id,
      app.key,
      app.secret,
    ]);
    await child.line((line) => line === "ready");
    return child;
  }),
  soketi: pusherTarget(ports.soketi, () => startSoketi(ports.soketi, app)),
};

/** p99 of every delivery of a run of broadcasts to `sizes.broadcastSubscribers` listeners. */
async function p99(target: Target, run: number): Promise<number> {
  const server = await target.start();
  const deliveries = new Deliveries();
  const listeners = await crowd(sizes.broadcastSubscribers, () =>
    target.listen((id) => deliveries.arrived(id)),
  );
  // The first two warm the path; only broadcasts marked sent are counted.
  for (let i = -2; i < sizes.broadcastsPerRun; i++) {
    const id = `${run}-${i}`;
    if (i >= 0) deliveries.sent(id, now());
    await target.send(id);
    await deliveries.settle(id, sizes.broadcastSubscribers, deliveryDeadlineMs);
    await sleep(gapMs);
  }
  closeAll(listeners);
  await server.stop();
  return percentile(deliveries.latencies(), 99);
}

export async function broadcastRows(): Promise<Row[]> {
  await installSoketi();
  const spool: Run[] = [];
  const soketi: Run[] = [];
  for (let run = 0; run < sizes.runs; run++) {
    const at = load();
    const floor = await p99(targets.floor, run);
    spool.push({ floor, spool: await p99(targets.spool, run), load: at });
    soketi.push({ floor, spool: await p99(targets.soketi, run), load: at });
  }
  const n = sizes.broadcastSubscribers.toLocaleString("en-US");
  return [
    {
      title: `embedded realtime, broadcast to ${n}, p99`,
      floorName: "raw ws broadcast",
      unit: "ms",
      runs: spool,
      goal: { kind: "at-most", value: 2 },
      note: `${sizes.broadcastsPerRun} broadcasts per run, published with the pusher SDK, heard by pusher-js`,
    },
    {
      title: `Soketi 1.6.1 (peer), broadcast to ${n}, p99`,
      floorName: "raw ws broadcast",
      unit: "ms",
      runs: soketi,
      goal: { kind: "none" },
    },
  ];
}
