// Sustained sends: `concurrency` senders, each in a thread of its own, calling message.send as
// fast as answers come, against plain INSERTs on the same engine from as many connections.
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
    String(sizes.sustainedSeconds),
    String(sizes.concurrency),
  ]);
  const line = await child.line(
    (text) => text.startsWith("{"),
    sizes.sustainedSeconds * 1000 + 120_000,
  );
  await child.stop();
  return (JSON.parse(line) as { perSecond: number }).perSecond;
}

async function spoolRate(senders: { api: Api; threadId: string }[]) {
  let sent = 0;
  let failed = 0;
  const began = now();
  const deadline = began + sizes.sustainedSeconds * 1000;
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
  await Promise.all(
    senders.map(({ api, threadId }) =>
      api.mutation("message.send", { threadId, content: "warm-up" }),
    ),
  );
  const runs: Run[] = [];
  let failed = 0;
  for (let run = 0; run < sizes.runs; run++) {
    const at = load();
    const floor = await floorRate(floorTarget);
    const spool = await spoolRate(senders);
    failed += spool.failed;
    runs.push({ floor, spool: spool.perSecond, load: at });
  }
  return {
    title: `sustained API sends, ${sizes.concurrency} concurrent, ${engine}`,
    floorName: `raw inserts/s on ${engine}`,
    unit: "/s",
    runs,
    goal: { kind: "at-least", value: 0.5 },
    note: `${sizes.sustainedSeconds} s per run and side; ${failed} sends refused or failed`,
  };
}
