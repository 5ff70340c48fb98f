import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "./client";
import { applyMigrations, pgConnection } from "./migrator";
import { migrationsDir } from "./paths";
import { postgresConfig } from "./postgres-url";
import type { StatementObserver } from "./statement-observer";

// For other packages' tests: a migrated, empty database of their own on each engine.
// eslint-disable-next-line no-restricted-properties -- a test-only switch, not app configuration
const testDatabaseUrl = process.env.TEST_DATABASE_URL;

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL names a database to work in. */
export const testDatabaseKinds = [
  "pglite",
  ...(testDatabaseUrl ? (["postgres"] as const) : []),
] as const;
export type TestDatabaseKind = (typeof testDatabaseKinds)[number];

export interface TestDatabaseOptions {
  poolSize?: number;
  /** Told of every statement Prisma sends, BEGIN and COMMIT included. */
  observeStatements?: StatementObserver;
}

/** A migrated, empty database; on PostgreSQL a schema of its own, dropped on close. */
export async function openTestDatabase(
  kind: TestDatabaseKind,
  { poolSize = 10, observeStatements }: TestDatabaseOptions = {},
): Promise<Database> {
  if (kind === "pglite") return openDatabase({ inMemory: true, observeStatements });

  const schema = `spool_test_${randomBytes(6).toString("hex")}`;
  const url = new URL(testDatabaseUrl!);
  url.searchParams.set("schema", schema);
  const { schema: _schema, ...config } = postgresConfig(url.toString());
  const admin = new pg.Client(postgresConfig(testDatabaseUrl!));
  await admin.connect();
  await admin.query(`CREATE SCHEMA "${schema}"`);
  const migrator = new pg.Client(config);
  await migrator.connect();
  await applyMigrations(pgConnection(migrator), migrationsDir);
  await migrator.end();
  const database = await openDatabase({ url: url.toString(), poolSize, observeStatements });
  return {
    ...database,
    async close() {
      await database.close();
      await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
      await admin.end();
    },
  };
}
