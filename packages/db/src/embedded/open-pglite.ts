import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { lockDataDir } from "./data-dir-lock";
import { watchDataDir } from "./data-dir-watch";

// PGlite 0.5 embeds PostgreSQL 18; a folder written by another major version cannot be read.
const POSTGRES_MAJOR = "18";

export interface EmbeddedPostgres {
  pglite: PGlite;
  /** Why the database can no longer be trusted (its folder vanished), or null. */
  problem(): string | null;
  close(): Promise<void>;
}

/** Opens (creating if needed) the PGlite database kept in `dataDir`, locked to this process. */
export async function openPGlite(dataDir: string): Promise<EmbeddedPostgres> {
  mkdirSync(dataDir, { recursive: true });
  const lock = lockDataDir(dataDir);
  try {
    const pgDir = join(dataDir, "pglite");
    refuseOtherMajor(pgDir);
    const pglite = await PGlite.create(pgDir);
    const watch = watchDataDir(dataDir, pgDir);
    return {
      pglite,
      problem: watch.problem,
      async close() {
        watch.close();
        try {
          if (!pglite.closed) await pglite.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

function refuseOtherMajor(pgDir: string): void {
  const versionFile = join(pgDir, "PG_VERSION");
  if (!existsSync(versionFile)) return;
  const major = readFileSync(versionFile, "utf8").trim();
  if (major !== POSTGRES_MAJOR) {
    throw new Error(
      `The embedded database in ${pgDir} was made by PostgreSQL ${major}, but this Spool embeds ` +
        `PostgreSQL ${POSTGRES_MAJOR} (PGlite 0.5). Export it with the Spool version that made ` +
        `it, or move the folder away to start with an empty database.`,
    );
  }
}

export async function inMemoryPGlite(): Promise<EmbeddedPostgres> {
  const pglite = await PGlite.create();
  return { pglite, problem: () => null, close: () => pglite.close() };
}
