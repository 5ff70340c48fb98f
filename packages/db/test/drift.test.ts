import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { migrationsDir, schemaPath } from "../src/paths";
import { diffMigrationsToSchema } from "../src/schema-engine/diff";
import { copyOfMigrations } from "./support/migrations-folder";

describe("schema.prisma and the migrations", () => {
  it("agree: every schema change has its migration (npm run db:migration -- <name>)", async () => {
    const drift = await diffMigrationsToSchema({ schemaPath, migrationsDir });
    expect(drift, `schema.prisma has changes no migration covers:\n${drift}`).toBeNull();
  });

  it("a schema change shows up as drift until a migration generated from it is added", async () => {
    const changedSchema = join(mkdtempSync(join(tmpdir(), "spool-schema-")), "schema.prisma");
    writeFileSync(
      changedSchema,
      readFileSync(schemaPath, "utf8") + `\nmodel Note {\n  id String @id\n  body String\n}\n`,
    );
    const folder = copyOfMigrations();

    const sql = await diffMigrationsToSchema({
      schemaPath: changedSchema,
      migrationsDir: folder.dir,
    });
    expect(sql).toMatch(/CREATE TABLE "Note"/);

    folder.add("29990101000000_add_note", sql!);
    expect(
      await diffMigrationsToSchema({ schemaPath: changedSchema, migrationsDir: folder.dir }),
    ).toBeNull();
  });
});
