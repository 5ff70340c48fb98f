import { readFile } from "node:fs/promises";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { schemaPath } from "../../src/paths";
import { readMigrationList } from "../../src/schema-engine/migration-list";
import { openSchemaEngine } from "../../src/schema-engine/open";

/**
 * Asks Prisma's own schema engine how it reads a database's migration history: the check
 * behind `prisma migrate deploy` and `prisma migrate status`.
 */
export async function prismaReadsHistory(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  migrationsDir: string,
) {
  const schema = { path: schemaPath, content: await readFile(schemaPath, "utf8") };
  const engine = await openSchemaEngine(schema, adapterFactory);
  try {
    return await engine.diagnoseMigrationHistory({
      migrationsList: await readMigrationList(migrationsDir),
      optInToShadowDatabase: false,
      filters: { externalTables: [], externalEnums: [] },
    });
  } finally {
    engine.free();
  }
}
