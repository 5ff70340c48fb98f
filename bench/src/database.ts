// Databases of the bench's own on the PostgreSQL server, made fresh and dropped at the end.
import pg from "pg";
import { postgresAdminUrl, repoRoot } from "./config";
import { start } from "./processes";

export function databaseUrl(name: string): string {
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresAdminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createDatabase(name: string): Promise<string> {
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${name}"`);
  return databaseUrl(name);
}

export const dropDatabase = (name: string) =>
  admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);

/** Applies Spool's migrations as the README says: `npm run db:deploy`. */
export async function migrate(url: string): Promise<void> {
  const child = start("npm", ["run", "db:deploy"], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: url },
  });
  const code = await new Promise<number | null>((resolve) => child.process.on("exit", resolve));
  if (code !== 0) throw new Error("npm run db:deploy failed");
}
