// npm run db:deploy: applies pending migrations to the PostgreSQL database in DATABASE_URL.
// Records them as `prisma migrate deploy` does, so the two can be used interchangeably.
import { env } from "@spool/env";
import pg from "pg";
import { applyMigrations, pgConnection } from "../src/migrator";
import { migrationsDir } from "../src/paths";
import { postgresConfig } from "../src/postgres-url";

if (!env.DATABASE_URL) {
  console.error(
    "db:deploy migrates PostgreSQL: set DATABASE_URL. The embedded database migrates itself " +
      "whenever Spool starts.",
  );
  process.exit(1);
}

const { schema: _schema, ...config } = postgresConfig(env.DATABASE_URL);
const client = new pg.Client(config);
await client.connect();
try {
  const { applied } = await applyMigrations(pgConnection(client), migrationsDir);
  console.log(
    applied.length === 0
      ? "The database is up to date."
      : `Applied ${applied.length} migration(s):\n  ${applied.join("\n  ")}`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await client.end();
}
