import { randomUUID } from "node:crypto";
import type { MigrationConnection } from "./connection";
import { MigrationError } from "./errors";
import { readMigrationFiles } from "./migration-files";

// Prisma's own bookkeeping table, column for column, so that `prisma migrate deploy` and
// `prisma migrate status` read our rows as their own.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

// The key Prisma uses for pg_advisory_lock, so our migrator and Prisma's never run at once.
const ADVISORY_LOCK_KEY = 72707369;

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
}

export interface MigrationResult {
  /** No migration had ever been applied: the database was empty. */
  fresh: boolean;
  applied: string[];
  /** Applied migrations whose file has changed since (Prisma reports these too). */
  modified: string[];
}

/**
 * Applies every pending migration in name order, each in its own transaction. A migration that
 * fails is rolled back completely and recorded as failed, which blocks later runs until someone
 * resolves it, exactly as with Prisma.
 */
export async function applyMigrations(
  db: MigrationConnection,
  migrationsDir: string,
): Promise<MigrationResult> {
  const files = await readMigrationFiles(migrationsDir);
  await db.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
  try {
    await db.exec(CREATE_MIGRATIONS_TABLE);
    const rows = await db.query<MigrationRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at, logs
         FROM "_prisma_migrations" ORDER BY started_at`,
    );
    refuseAfterFailure(rows);

    const finished = new Map(
      rows.filter((row) => row.finished_at !== null).map((row) => [row.migration_name, row]),
    );
    const modified = files
      .filter((file) => (finished.get(file.name)?.checksum ?? file.checksum) !== file.checksum)
      .map((file) => file.name);
    const pending = files.filter((file) => !finished.has(file.name));

    for (const file of pending) {
      const startedAt = new Date();
      try {
        await db.transaction(async (tx) => {
          await tx.exec(file.sql);
          await tx.query(
            `INSERT INTO "_prisma_migrations"
               (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
             VALUES ($1, $2, $3, $4, now(), 1)`,
            [randomUUID(), file.checksum, file.name, startedAt],
          );
        });
      } catch (cause) {
        const reason = cause instanceof Error ? cause.message : String(cause);
        await db.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, logs)
           VALUES ($1, $2, $3, $4, $5)`,
          [randomUUID(), file.checksum, file.name, startedAt, reason],
        );
        throw new MigrationError(
          `Migration ${file.name} failed and was rolled back: ${reason}`,
          file.name,
          { cause },
        );
      }
    }
    return { fresh: finished.size === 0, applied: pending.map((file) => file.name), modified };
  } finally {
    await db.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]);
  }
}

function refuseAfterFailure(rows: MigrationRow[]): void {
  const failed = rows.find((row) => row.finished_at === null && row.rolled_back_at === null);
  if (!failed) return;
  const name = failed.migration_name;
  throw new MigrationError(
    `Migration ${name} failed earlier (${failed.logs ?? "no log"}), so no further migration ` +
      `will run. Its changes were rolled back. Fix migration.sql, then mark it rolled back: ` +
      `UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '${name}' ` +
      `(or run: prisma migrate resolve --rolled-back ${name}), and start again.`,
    name,
  );
}
