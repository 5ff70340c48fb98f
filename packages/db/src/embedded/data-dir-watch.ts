import { statSync, watch, type FSWatcher } from "node:fs";

// PGlite keeps writing through files it already has open, so a data folder removed under a
// running server (`rm -rf .data`) goes unnoticed at first: writes still succeed and vanish at
// the next restart, and reads fail later, file by file. Watching the folder's identity turns
// that into one clear refusal.

export interface DataDirWatch {
  /** Why the folder can no longer be trusted, or null while it is intact. */
  problem(): string | null;
  close(): void;
}

/** A folder's identity: a new folder at the same path may get the old inode number back. */
function identityOf(path: string): string | null {
  try {
    const { dev, ino, birthtimeMs } = statSync(path);
    return `${dev}:${ino}:${birthtimeMs}`;
  } catch {
    return null;
  }
}

/**
 * Watches `pgDir` (the folder PGlite opened) inside `dataDir`. The first time it is found gone or
 * replaced by another folder, one loud line goes to `log`; from then on `problem()` says why.
 */
export function watchDataDir(
  dataDir: string,
  pgDir: string,
  log: Pick<Console, "error"> = console,
): DataDirWatch {
  const opened = identityOf(pgDir);
  let lost: string | null = null;

  const problem = (): string | null => {
    if (lost) return lost;
    const now = identityOf(pgDir);
    if (now !== null && now === opened) return null;
    lost =
      `The embedded database's folder ${pgDir} was ${now ? "replaced" : "removed"} while ` +
      `Spool was running: nothing written from now on would survive a restart, so requests are ` +
      `refused. Restart Spool to open the database that is there now.`;
    log.error(`\n!!! ${lost}\n`);
    watcher?.close();
    return lost;
  };

  // Notices a removal as it happens, so the log line appears even if nobody writes.
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dataDir, { persistent: false }, () => problem());
    watcher.on("error", () => problem());
  } catch {
    // Not every file system can be watched; problem() still checks on every call.
  }

  return {
    problem,
    close: () => watcher?.close(),
  };
}
