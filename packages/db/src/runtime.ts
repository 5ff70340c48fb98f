import { join } from "node:path";
import { env, findWorkspaceRoot } from "@spool/env";
import { openDatabase, type Database } from "./client";

// One database per process. Kept on globalThis because Next.js dev reloads modules (and
// bundles instrumentation separately), which would otherwise open PGlite twice.
const processWide = globalThis as { spoolDatabase?: Promise<Database> };

export function embeddedDataDir(): string {
  return env.SPOOL_DATA_DIR ?? join(findWorkspaceRoot(), ".data");
}

/** The process's database, from the validated env: PostgreSQL when DATABASE_URL is set. */
export function getDatabase(): Promise<Database> {
  processWide.spoolDatabase ??= open().catch((error: unknown) => {
    processWide.spoolDatabase = undefined; // let a later call retry, e.g. once a lock is free
    throw error;
  });
  return processWide.spoolDatabase;
}

async function open(): Promise<Database> {
  const database = await openDatabase(
    env.DATABASE_URL
      ? { url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE }
      : { dataDir: embeddedDataDir() },
  );
  closeOnSignals(database);
  return database;
}

/** Closes the database before the process ends, then lets the signal end it as usual. */
function closeOnSignals(database: Database): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void database.close().finally(() => process.kill(process.pid, signal));
    });
  }
}
