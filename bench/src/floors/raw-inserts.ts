// The floor of sustained sends: plain INSERTs of a message-like row, each its own statement,
// from `concurrency` connections (PostgreSQL) or the one connection PGlite has, for `seconds`
// after `warmUpSeconds` of the same, not counted (as Spool's side is warmed up).
// Args: <postgresql url | pglite> <warmUpSeconds> <seconds> <concurrency>.
// Prints {"perSecond": n}.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";

const [target, warmUpSeconds, seconds, concurrency] = process.argv.slice(2);
const table = `CREATE TABLE IF NOT EXISTS floor_insert (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(), thread_id uuid NOT NULL, sequence int NOT NULL,
  content text NOT NULL, created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (thread_id, sequence))`;
const insert =
  "INSERT INTO floor_insert (thread_id, sequence, content) VALUES ($1, $2, $3) RETURNING id";

type Query = (sql: string, values?: unknown[]) => Promise<unknown>;
let query: Query;
let close: () => Promise<void>;
if (target === "pglite") {
  // On disk like the embedded default, not in memory.
  const dir = mkdtempSync(join(tmpdir(), "spool-bench-floor-"));
  const db = await PGlite.create(dir);
  query = (sql, values) => db.query(sql, values);
  close = async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  };
} else {
  const pool = new pg.Pool({ connectionString: target, max: Number(concurrency) });
  query = (sql, values) => pool.query(sql, values);
  close = () => pool.end();
}
await query(table);

let sequence = 0;
const threadId = crypto.randomUUID();

/** Inserts from every connection for `forSeconds`; how many per second. */
async function insertFor(forSeconds: number): Promise<number> {
  const began = performance.now();
  const deadline = began + forSeconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: Number(concurrency) }, async () => {
      while (performance.now() < deadline) {
        await query(insert, [threadId, ++sequence, "a message of about the size people send"]);
        done++;
      }
    }),
  );
  return done / ((performance.now() - began) / 1000);
}

await insertFor(Number(warmUpSeconds));
const perSecond = await insertFor(Number(seconds));
await close();
console.log(JSON.stringify({ perSecond }));
