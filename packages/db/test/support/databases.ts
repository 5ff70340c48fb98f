import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { pgConnection, pgliteConnection, type MigrationConnection } from "../../src/migrator";
import { postgresConfig } from "../../src/postgres-url";
import { pgliteAdapterFactory } from "../../src/schema-engine/open";

/** The databases every db test runs against: PGlite always, PostgreSQL when a URL is given. */
export const databaseKinds = [
  "pglite",
  ...(process.env.TEST_DATABASE_URL ? (["postgres"] as const) : []),
] as const;

export type DatabaseKind = (typeof databaseKinds)[number];

/** An empty database of its own for one test. */
export interface ScratchDatabase {
  connection: MigrationConnection;
  /** For Prisma's schema engine, to read the database as Prisma's CLI would. */
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** PostgreSQL only: a URL for `openDatabase`. */
  url?: string;
  close(): Promise<void>;
}

export async function scratchDatabase(kind: DatabaseKind): Promise<ScratchDatabase> {
  if (kind === "pglite") {
    const pglite = new PGlite();
    return {
      connection: pgliteConnection(pglite),
      adapterFactory: pgliteAdapterFactory(pglite),
      close: () => pglite.close(),
    };
  }

  // One schema per test inside the database CI created: isolated, and dropped afterwards.
  const schema = `spool_test_${randomBytes(6).toString("hex")}`;
  const base = new URL(process.env.TEST_DATABASE_URL!);
  base.searchParams.set("schema", schema);
  const url = base.toString();
  const admin = new pg.Client(postgresConfig(process.env.TEST_DATABASE_URL!));
  await admin.connect();
  await admin.query(`CREATE SCHEMA "${schema}"`);
  const { schema: _schema, ...config } = postgresConfig(url);
  const client = new pg.Client(config);
  await client.connect();
  const adapterFactory = new PrismaPg(config, { schema });
  return {
    connection: pgConnection(client),
    adapterFactory,
    url,
    async close() {
      await client.end();
      await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
      await admin.end();
    },
  };
}
