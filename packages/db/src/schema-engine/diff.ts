import { readFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { readMigrationList } from "./migration-list";
import { openSchemaEngine, pgliteAdapterFactory } from "./open";

export interface SchemaSource {
  schemaPath: string;
  migrationsDir: string;
}

/**
 * The SQL that takes a database built from the migrations to what schema.prisma describes,
 * or null when the two agree.
 */
export async function diffMigrationsToSchema(source: SchemaSource): Promise<string | null> {
  const content = await readFile(source.schemaPath, "utf8");
  const schema = { path: source.schemaPath, content };
  // The engine replays the migrations into a shadow database it makes itself; the main
  // connection is never written to.
  const database = new PGlite();
  const engine = await openSchemaEngine(schema, pgliteAdapterFactory(database));
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
    engine.free();
    await database.close();
  }
}
