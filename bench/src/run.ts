// `npm run bench`: builds Spool, runs every row, writes results/bench.{md,json} (quick and
// partial runs: results/raw/). BENCH_ONLY=cold,deliver,sustained,history,broadcast,load runs
// some groups.
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { format, resolveConfig } from "prettier";
import { build, startApp } from "./app-server";
import { benchRoot, quick } from "./config";
import { createDatabase, dropDatabase, migrate } from "./database";
import { markdown, summarize } from "./report";
import type { Row } from "./row";
import { broadcastRows } from "./rows/broadcast";
import { coldStartRows } from "./rows/cold-start";
import { deliveryUnderLoadRows } from "./rows/delivery-under-load";
import { historyRows } from "./rows/history";
import { sendDeliverRows } from "./rows/send-deliver";
import { sustainedSendsRow } from "./rows/sustained-sends";
import { now } from "./timing";

const only = process.env.BENCH_ONLY?.split(",");
const wanted = (group: string) => !only || only.includes(group);
const startedAt = new Date().toISOString();
const began = now();
const rows: Row[] = [];
const log = (message: string) =>
  console.log(`bench: ${message} (${((now() - began) / 1000).toFixed(0)} s)`);

const names = { app: `spool_bench_app_${process.pid}`, floor: `spool_bench_floor_${process.pid}` };
log("building the web app");
await build();
const appDatabase = await createDatabase(names.app);
const floorDatabase = await createDatabase(names.floor);
try {
  await migrate(appDatabase);
  if (wanted("cold")) {
    log("cold start and idle memory");
    rows.push(...(await coldStartRows(appDatabase)));
  }
  if (wanted("deliver") || wanted("sustained") || wanted("history")) {
    const app = await startApp({ databaseUrl: appDatabase });
    try {
      if (wanted("deliver")) {
        log("send → deliver on PostgreSQL");
        rows.push(...(await sendDeliverRows(app, floorDatabase)));
      }
      if (wanted("sustained")) {
        log("sustained sends on PostgreSQL");
        rows.push(await sustainedSendsRow(app, "PostgreSQL", floorDatabase));
      }
      if (wanted("history")) {
        log("history and thread list on PostgreSQL");
        rows.push(...(await historyRows(app, appDatabase)));
      }
    } finally {
      await app.stop();
    }
  }
  if (wanted("sustained") || wanted("load")) {
    const app = await startApp({});
    try {
      if (wanted("sustained")) {
        log("sustained sends on PGlite");
        rows.push(await sustainedSendsRow(app, "PGlite", "pglite"));
      }
      if (wanted("load")) {
        log("delivery under a crowd on PGlite");
        rows.push(...(await deliveryUnderLoadRows(app)));
      }
    } finally {
      await app.stop();
    }
  }
  if (wanted("broadcast")) {
    log("broadcast: raw ws, embedded realtime, Soketi");
    rows.push(...(await broadcastRows()));
  }
} finally {
  await dropDatabase(names.app);
  await dropDatabase(names.floor);
}

const summaries = rows.map(summarize);
const header = {
  startedAt,
  durationSeconds: (now() - began) / 1000,
  machine: `${cpus().length} cores, ${cpus()[0]?.model.trim() ?? "unknown CPU"}, Node ${process.version}`,
  quick,
};
// Only a full run replaces the committed table; quick and partial runs are kept beside it.
const full = !quick && !only;
const folder = full ? join(benchRoot, "results") : join(benchRoot, "results", "raw");
const name = full ? "bench" : `${quick ? "quick" : "partial"}-${startedAt.replace(/[:.]/g, "-")}`;
mkdirSync(folder, { recursive: true });
// Formatted as the repository's own files are, so the committed table passes `prettier --check`.
const write = async (file: string, text: string) => {
  const path = join(folder, file);
  writeFileSync(path, await format(text, { ...(await resolveConfig(path)), filepath: path }));
};
await write(`${name}.json`, JSON.stringify({ ...header, rows: summaries }));
await write(`${name}.md`, markdown(header, summaries));
console.log(markdown(header, summaries));
log(`written to ${join(folder, name)}.{md,json}`);
// pusher-js clients and keep-alive sockets may linger; everything measured is written.
process.exit(0);
