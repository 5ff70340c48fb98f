import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { lockDataDir } from "./data-dir-lock";
import { watchDataDir } from "./data-dir-watch";

// PGlite 0.5 embeds PostgreSQL 18; a folder written by another major version cannot be read.
const POSTGRES_MAJOR = "18";

/**
 * PostgreSQL's default 128 MB of shared buffers is sized for a server with many connections,
 * and PGlite touches all of it at start (≈ 110 MiB of RSS more than 32 MB). One connection
 * working on a chat's hot rows needs far less; pages beyond it come from the OS's file cache.
 * Durability settings stay PGlite's own.
 */
const startParams = [...PGlite.defaultStartParams, "-c", "shared_buffers=32MB"];

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
    const pglite = await createPGlite(pgDir);
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

async function createPGlite(pgDir: string): Promise<PGlite> {
  const fresh = !existsSync(join(pgDir, "PG_VERSION"));
  const pglite = await PGlite.create(pgDir, { startParams });
  if (!fresh) return pglite;
  // A new folder is made by initdb inside this instance, whose WebAssembly memory grows to
  // hold the whole new cluster and never shrinks again (≈ 400 MiB for the life of the
  // process): start again from the folder, now written and synced, in a fresh instance.
  await pglite.close();
  return PGlite.create(pgDir, { startParams });
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
  const pglite = await PGlite.create({ startParams });
  return { pglite, problem: () => null, close: () => pglite.close() };
}
