import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrationsDir } from "../../src/paths";

/** A copy of the real migrations folder that a test may add migrations to. */
export function copyOfMigrations(): { dir: string; add(name: string, sql: string): void } {
  const dir = join(mkdtempSync(join(tmpdir(), "spool-migrations-")), "migrations");
  cpSync(migrationsDir, dir, { recursive: true });
  return {
    dir,
    add(name, sql) {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, "migration.sql"), sql);
    },
  };
}
