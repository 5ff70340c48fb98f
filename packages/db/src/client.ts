import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { inMemoryPGlite, openPGlite } from "./embedded/open-pglite";
import { PrismaClient } from "./generated/prisma/client";
import { applyMigrations, pgliteConnection, type MigrationResult } from "./migrator";
import { migrationsDir } from "./paths";
import { postgresConfig } from "./postgres-url";
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
    /** Told of every statement Prisma sends: for tests that count round trips. */
    observeStatements?: StatementObserver;
  };

export interface Database {
  prisma: PrismaClient;
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
    const pg = new PrismaPg({ ...config, max: options.poolSize ?? 10 }, { schema });
    const prisma = new PrismaClient({ adapter: observed(pg, options), transactionOptions });
    return { prisma, kind: "postgres", problem: () => null, close: () => prisma.$disconnect() };
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
