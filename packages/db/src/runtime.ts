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
  const signals = ["SIGINT", "SIGTERM"] as const;
  // Close the database before the process ends, then let the signal end it as usual.
  const onSignal = (signal: NodeJS.Signals) => {
    void close().finally(() => process.kill(process.pid, signal));
  };
  const close = async () => {
    for (const signal of signals) process.off(signal, onSignal);
    processWide.spoolDatabase = undefined;
    await database.close();
  };
  for (const signal of signals) process.once(signal, onSignal);
  return { ...database, close };
}
