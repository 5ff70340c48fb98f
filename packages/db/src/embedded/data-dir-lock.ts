import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";

// PGlite is a whole Postgres inside one process: two processes writing the same folder would
// corrupt it. A lock file names the owner; a lock left by a process that has died is taken over.

export class DataDirLockedError extends Error {
  override name = "DataDirLockedError";
}

interface LockOwner {
  pid: number;
  hostname: string;
  since: string;
}

export interface DataDirLock {
  release(): void;
}

export function lockDataDir(dataDir: string): DataDirLock {
  const path = join(dataDir, "spool.lock");
  const owner: LockOwner = {
    pid: process.pid,
    hostname: hostname(),
    since: new Date().toISOString(),
  };
  for (;;) {
    try {
      writeFileSync(path, JSON.stringify(owner), { flag: "wx" });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readOwner(path);
      if (holder && isAlive(holder)) {
        throw new DataDirLockedError(
          `The embedded database in ${dataDir} is in use by process ${holder.pid} ` +
            `(since ${holder.since}). Stop that process first, or give this one its own folder ` +
            `with SPOOL_DATA_DIR, or use PostgreSQL with DATABASE_URL.`,
        );
      }
      rmSync(path, { force: true });
    }
  }

  const release = () => {
    if (readOwner(path)?.pid === process.pid) rmSync(path, { force: true });
    process.off("exit", release);
  };
  // Also on a hard exit, so the next start does not have to decide whether the lock is stale.
  process.on("exit", release);
  return { release };
}

function readOwner(path: string): LockOwner | undefined {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as LockOwner;
  } catch {
    return undefined; // vanished or half-written: treated as stale
  }
}

function isAlive(owner: LockOwner): boolean {
  // A lock from another machine (a shared folder) cannot be checked: respect it.
  if (owner.hostname !== hostname()) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
