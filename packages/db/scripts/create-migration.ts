// npm run db:migration -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that brings the
// existing migrations up to schema.prisma, the way `prisma migrate dev --create-only` would.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { migrationsDir, schemaPath } from "../src/paths";
import { diffMigrationsToSchema } from "../src/schema-engine/diff";

const name = process.argv[2] ?? "";
if (!/^[a-z0-9_]{1,64}$/.test(name)) {
  console.error(
    `Give the migration a name of 1-64 lowercase letters, digits or underscores, e.g.\n` +
      `  npm run db:migration -- add_thread_archive`,
  );
  process.exit(1);
}

const sql = await diffMigrationsToSchema({ schemaPath, migrationsDir });
if (sql === null) {
  console.log("schema.prisma and the migrations agree: nothing to create.");
} else {
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const folder = join(migrationsDir, `${stamp}_${name}`);
  await mkdir(folder);
  await writeFile(join(folder, "migration.sql"), sql);
  console.log(`Created ${join("prisma/migrations", `${stamp}_${name}`, "migration.sql")}`);
}
