// Cold start to the first 200 and idle memory: Spool on a fresh PGlite folder and on a migrated
// PostgreSQL database, against plain node answering HTTP.
import { join } from "node:path";
import { startApp } from "../app-server";
import { benchRoot, ports, sizes } from "../config";
import { treeRssMiB, start } from "../processes";
import type { Row, Run } from "../row";
import { load, now, sleep, until } from "../timing";

// Memory is read after this long without requests, once start-up work has settled.
const idleMs = 5_000;

async function bareNode(): Promise<{ seconds: number; rssMiB: number }> {
  const began = now();
  const child = start(
    process.execPath,
    [join(benchRoot, "src", "floors", "bare-node.mjs"), String(ports.bareNode)],
    {},
  );
  await until(
    () =>
      fetch(`http://127.0.0.1:${ports.bareNode}/`)
        .then((response) => response.ok)
        .catch(() => false),
    30_000,
    5,
  );
  const seconds = (now() - began) / 1000;
  await sleep(idleMs);
  const rssMiB = treeRssMiB(child.process.pid!);
  await child.stop();
  return { seconds, rssMiB };
}

async function spool(databaseUrl?: string) {
  const app = await startApp({ databaseUrl });
  await sleep(idleMs);
  const rssMiB = app.rssMiB();
  await app.stop();
  return { seconds: app.coldStartSeconds, rssMiB };
}

export async function coldStartRows(databaseUrl: string): Promise<Row[]> {
  const runs = {
    pgliteStart: [] as Run[],
    postgresStart: [] as Run[],
    pgliteRss: [] as Run[],
    postgresRss: [] as Run[],
  };
  for (let run = 0; run < sizes.runs; run++) {
    const at = load();
    const floor = await bareNode();
    const pglite = await spool();
    const postgres = await spool(databaseUrl);
    runs.pgliteStart.push({ floor: floor.seconds, spool: pglite.seconds, load: at });
    runs.postgresStart.push({ floor: floor.seconds, spool: postgres.seconds, load: at });
    runs.pgliteRss.push({ floor: floor.rssMiB, spool: pglite.rssMiB, load: at });
    runs.postgresRss.push({ floor: floor.rssMiB, spool: postgres.rssMiB, load: at });
  }
  const startNote =
    "`npm start` (npm, turbo, Spool's server) to the first 200 of /api/health; the floor is `node` serving HTTP";
  return [
    {
      title: "cold start to first 200, PGlite fresh",
      floorName: "bare node",
      unit: "s",
      runs: runs.pgliteStart,
      goal: { kind: "none" },
      note: startNote,
    },
    {
      title: "cold start to first 200, PostgreSQL",
      floorName: "bare node",
      unit: "s",
      runs: runs.postgresStart,
      goal: { kind: "none" },
      note: startNote,
    },
    {
      title: "app server RSS idle, PGlite",
      floorName: "bare node",
      unit: "MiB",
      runs: runs.pgliteRss,
      goal: { kind: "none" },
    },
    {
      title: "app server RSS idle, PostgreSQL",
      floorName: "bare node",
      unit: "MiB",
      runs: runs.postgresRss,
      goal: { kind: "none" },
    },
  ];
}
