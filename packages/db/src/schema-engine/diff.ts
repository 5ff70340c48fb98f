import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { MigrationList } from "@prisma/schema-engine-wasm";
import { openSchemaEngine } from "./open";

export interface SchemaSource {
  schemaPath: string;
  migrationsDir: string;
}

/** Reads the migrations folder the way Prisma's CLI hands it to the schema engine. */
export async function readMigrationList(migrationsDir: string): Promise<MigrationList> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const folders = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b));
  const lockPath = join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: await readFile(lockPath, "utf8") },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      folders.map(async (folder) => ({
        path: folder,
        migrationFile: {
          path: "migration.sql",
          content: await readFile(join(migrationsDir, folder, "migration.sql"), "utf8").then(
            (value) => ({ tag: "ok" as const, value }),
            (error: Error) => ({ tag: "error" as const, value: error.message }),
          ),
        },
      })),
    ),
  };
}

/**
 * The SQL that takes a database built from the migrations to what schema.prisma describes,
 * or null when the two agree.
 */
export async function diffMigrationsToSchema(source: SchemaSource): Promise<string | null> {
  const content = await readFile(source.schemaPath, "utf8");
  const schema = { path: source.schemaPath, content };
  const { engine, close } = await openSchemaEngine(schema);
  try {
    const result = await engine.diff({
      from: { tag: "migrations", ...(await readMigrationList(source.migrationsDir)) },
      to: { tag: "schemaDatamodel", files: [schema] },
      script: true,
      exitCode: true,
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.exitCode === 2 ? result.stdout : null;
  } finally {
    await close();
  }
}
