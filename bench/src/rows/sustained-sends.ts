// Sustained sends: `concurrency` senders, each in a thread of its own, calling message.send as
// fast as answers come, against plain INSERTs on the same engine from as many connections.
// Each side first runs for `warmUpSeconds` uncounted, every run: what is measured is a server
// that has been sending for a while (its code compiled by the JIT, its heap sized), as in
// service, not one that has just started.
import { join } from "node:path";
import { Api, createGroup, createUsers } from "../api";
import type { AppServer } from "../app-server";
import { benchRoot, sizes } from "../config";
import { startScript } from "../processes";
import type { Row, Run } from "../row";
import { load, now } from "../timing";

async function floorRate(target: string): Promise<number> {
  const child = startScript(join(benchRoot, "src", "floors", "raw-inserts.ts"), [
    target,
    String(sizes.warmUpSeconds),
    String(sizes.sustainedSeconds),
    String(sizes.concurrency),
  ]);
  const line = await child.line(
    (text) => text.startsWith("{"),
    (sizes.warmUpSeconds + sizes.sustainedSeconds) * 1000 + 120_000,
  );
  await child.stop();
  return (JSON.parse(line) as { perSecond: number }).perSecond;
}

async function spoolRate(senders: { api: Api; threadId: string }[], seconds: number) {
  let sent = 0;
  let failed = 0;
  const began = now();
  const deadline = began + seconds * 1000;
  await Promise.all(
    senders.map(async ({ api, threadId }) => {
      while (now() < deadline) {
        await api
          .mutation("message.send", {
            threadId,
            content: "a message of about the size people send",
          })
          .then(
            () => sent++,
            () => failed++,
          );
      }
    }),
  );
  return { perSecond: sent / ((now() - began) / 1000), failed };
}

export async function sustainedSendsRow(
  app: AppServer,
  engine: "PostgreSQL" | "PGlite",
  floorTarget: string,
): Promise<Row> {
  const users = await createUsers(app.url, app.accessKey, sizes.concurrency, "sender");
  const senders = await Promise.all(
    users.map(async (user) => {
      const api = Api.asUser(app.url, user);
      return { api, threadId: (await createGroup(api, [])).id };
    }),
  );
  const runs: Run[] = [];
  let failed = 0;
  for (let run = 0; run < sizes.runs; run++) {
    const at = load();
    const floor = await floorRate(floorTarget);
    const warmUp = await spoolRate(senders, sizes.warmUpSeconds);
    const spool = await spoolRate(senders, sizes.sustainedSeconds);
    failed += warmUp.failed + spool.failed;
    runs.push({ floor, spool: spool.perSecond, load: at });
  }
  return {
    title: `sustained API sends, ${sizes.concurrency} concurrent, ${engine}`,
    floorName: `raw inserts/s on ${engine}`,
    unit: "/s",
    runs,
    goal: { kind: "at-least", value: 0.5 },
    note: `${sizes.sustainedSeconds} s per run and side, each after ${sizes.warmUpSeconds} s uncounted; ${failed} sends refused or failed`,
  };
}
