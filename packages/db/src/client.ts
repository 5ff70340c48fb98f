import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { inMemoryPGlite, openPGlite } from "./embedded/open-pglite";
import { PrismaClient } from "./generated/prisma/client";
import { applyMigrations, pgliteConnection, type MigrationResult } from "./migrator";
import { migrationsDir } from "./paths";
import { postgresConfig } from "./postgres-url";
import { pgliteSqlClient, postgresSqlClient, type SqlClient } from "./sql";
import { observeStatements, type StatementObserver } from "./statement-observer";

export type DatabaseOptions =
  /** PostgreSQL through a connection pool. Migrations are deployed explicitly (db:deploy). */
  (
    | { url: string; poolSize?: number }
    /** The embedded PGlite database kept in `dataDir`; pending migrations apply on open. */
    | { dataDir: string }
    /** A migrated PGlite database in memory, gone on close: for tests. */
    | { inMemory: true }
  ) & {
    /** Told of every statement sent, through Prisma or not: for tests that count round trips. */
    observeStatements?: StatementObserver;
  };

export interface Database {
  prisma: PrismaClient;
  /** The driver itself, for the hot statements Prisma's engine would slow down. */
  sql: SqlClient;
  kind: "postgres" | "pglite";
  /** What opening the embedded database migrated; undefined for PostgreSQL. */
  migrations?: MigrationResult;
  /**
   * Why the database must not be used although it may still answer (the embedded database's
   * folder was removed under the running process), or null. PostgreSQL reports its failures
   * per query.
   */
  problem(): string | null;
  close(): Promise<void>;
}

// A thread's changes queue on its row lock; under a burst of sends to one thread a transaction
// may wait its turn longer than Prisma's 2 s default before giving up.
const transactionOptions = { maxWait: 10_000, timeout: 15_000 };

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if ("url" in options) {
    const { schema, ...config } = postgresConfig(options.url);
    // One pool for both: Prisma's statements and the driver's own share its connections.
    const pool = new pg.Pool({ ...config, max: options.poolSize ?? 10 });
    const adapter = new PrismaPg(pool, { schema, disposeExternalPool: true });
    const prisma = new PrismaClient({ adapter: observed(adapter, options), transactionOptions });
    return {
      prisma,
      sql: postgresSqlClient(pool, options.observeStatements),
      kind: "postgres",
      problem: () => null,
      async close() {
        await prisma.$disconnect();
        // Prisma disposes of the pool only if it ever connected.
        if (!pool.ended) await pool.end();
      },
    };
  }

  const embedded =
    "inMemory" in options ? await inMemoryPGlite() : await openPGlite(options.dataDir);
  try {
    const migrations = await applyMigrations(pgliteConnection(embedded.pglite), migrationsDir);
    const prisma = new PrismaClient({
      adapter: observed(new PrismaPGlite(embedded.pglite), options),
      transactionOptions,
    });
    return {
      prisma,
      sql: pgliteSqlClient(embedded.pglite, options.observeStatements),
      kind: "pglite",
      migrations,
      problem: embedded.problem,
      async close() {
        await prisma.$disconnect();
        // The adapter leaves PGlite open, which would keep the process alive for seconds.
        await embedded.close();
      },
    };
  } catch (error) {
    await embedded.close();
    throw error;
  }
}

function observed(factory: SqlDriverAdapterFactory, options: DatabaseOptions) {
  return options.observeStatements
    ? observeStatements(factory, options.observeStatements)
    : factory;
}
