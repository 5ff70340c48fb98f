import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { openPGlite } from "./embedded/open-pglite";
import { PrismaClient } from "./generated/prisma/client";
import { applyMigrations, pgliteConnection, type MigrationResult } from "./migrator";
import { migrationsDir } from "./paths";
import { postgresConfig } from "./postgres-url";

export type DatabaseOptions =
  /** PostgreSQL through a connection pool. Migrations are deployed explicitly (db:deploy). */
  | { url: string; poolSize?: number }
  /** The embedded PGlite database kept in `dataDir`; pending migrations apply on open. */
  | { dataDir: string };

export interface Database {
  prisma: PrismaClient;
  kind: "postgres" | "pglite";
  /** What opening the embedded database migrated; undefined for PostgreSQL. */
  migrations?: MigrationResult;
  close(): Promise<void>;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if ("url" in options) {
    const { schema, ...config } = postgresConfig(options.url);
    const adapter = new PrismaPg({ ...config, max: options.poolSize ?? 10 }, { schema });
    const prisma = new PrismaClient({ adapter });
    return { prisma, kind: "postgres", close: () => prisma.$disconnect() };
  }

  const embedded = await openPGlite(options.dataDir);
  try {
    const migrations = await applyMigrations(pgliteConnection(embedded.pglite), migrationsDir);
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(embedded.pglite) });
    return {
      prisma,
      kind: "pglite",
      migrations,
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
