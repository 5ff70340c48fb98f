// node .ci/database.mjs create|drop <superuser url> <name>: a database for one CI run.
import pg from "pg";

const [action, url, name] = process.argv.slice(2);
if (!["create", "drop"].includes(action) || !url || !/^[a-z0-9_]+$/.test(name ?? "")) {
  console.error("usage: node .ci/database.mjs create|drop <superuser url> <name>");
  process.exit(2);
}
const client = new pg.Client({ connectionString: url });
await client.connect();
await client.query(
  action === "create"
    ? `CREATE DATABASE "${name}"`
    : `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`,
);
await client.end();
console.log(`${action === "create" ? "Created" : "Dropped"} database ${name}`);
