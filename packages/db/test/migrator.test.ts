import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyMigrations, MigrationError, readMigrationFiles } from "../src/migrator";
import { migrationsDir } from "../src/paths";
import { databaseKinds, scratchDatabase, type ScratchDatabase } from "./support/databases";
import { copyOfMigrations } from "./support/migrations-folder";
import { prismaReadsHistory } from "./support/prisma-history";

interface HistoryRow {
  id: string;
  checksum: string;
  migration_name: string;
  started_at: Date;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
  applied_steps_count: number;
}

describe.each(databaseKinds)("migrator on %s", (kind) => {
  let db: ScratchDatabase;
  const history = () =>
    db.connection.query<HistoryRow>(`SELECT * FROM "_prisma_migrations" ORDER BY started_at`);
  const tables = async () =>
    (
      await db.connection.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables
          WHERE table_schema = current_schema() ORDER BY table_name`,
      )
    ).map((row) => row.table_name);

  beforeEach(async () => {
    db = await scratchDatabase(kind);
  });
  afterEach(async () => {
    await db.close();
  });

  it("applies every migration to an empty database and records it as Prisma does", async () => {
    const files = await readMigrationFiles(migrationsDir);
    const result = await applyMigrations(db.connection, migrationsDir);

    expect(result).toEqual({ fresh: true, applied: files.map((f) => f.name), modified: [] });
    expect(await tables()).toEqual(
      expect.arrayContaining(["User", "Thread", "Member", "Message", "Activity", "Reaction"]),
    );
    const rows = await history();
    expect(rows.map((row) => row.migration_name)).toEqual(files.map((f) => f.name));
    for (const [index, row] of rows.entries()) {
      const file = files[index]!;
      expect(row.id).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      expect(row.checksum).toBe(createHash("sha256").update(file.sql).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.finished_at!.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      expect(row).toMatchObject({ rolled_back_at: null, logs: null, applied_steps_count: 1 });
    }
  });

  it("leaves a migrated database that Prisma's engine reads as fully applied", async () => {
    await applyMigrations(db.connection, migrationsDir);

    const diagnosis = await prismaReadsHistory(db.adapterFactory, migrationsDir);
    expect(diagnosis).toMatchObject({
      hasMigrationsTable: true,
      history: null,
      failedMigrationNames: [],
      editedMigrationNames: [],
    });
  });

  it("does nothing when run again", async () => {
    await applyMigrations(db.connection, migrationsDir);
    const before = await history();

    const again = await applyMigrations(db.connection, migrationsDir);

    expect(again).toEqual({ fresh: false, applied: [], modified: [] });
    expect(await history()).toEqual(before);
  });

  it("applies only the migrations added since the last run", async () => {
    const folder = copyOfMigrations();
    await applyMigrations(db.connection, folder.dir);
    folder.add("29990101000000_add_note", `CREATE TABLE "Note" ("id" TEXT PRIMARY KEY);`);

    const result = await applyMigrations(db.connection, folder.dir);

    expect(result.applied).toEqual(["29990101000000_add_note"]);
    expect(await tables()).toContain("Note");
  });

  it("rolls a failing migration back completely and blocks later runs until it is resolved", async () => {
    const folder = copyOfMigrations();
    await applyMigrations(db.connection, folder.dir);
    const broken = "29990101000000_broken";
    folder.add(
      broken,
      `CREATE TABLE "Half" ("id" TEXT PRIMARY KEY);\nALTER TABLE "NoSuchTable" ADD COLUMN "x" INT;`,
    );

    const failure = await applyMigrations(db.connection, folder.dir).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(MigrationError);
    expect((failure as MigrationError).message).toMatch(
      /29990101000000_broken failed.*NoSuchTable/,
    );
    expect(await tables()).not.toContain("Half");
    const failedRow = (await history()).find((row) => row.migration_name === broken);
    expect(failedRow).toMatchObject({ finished_at: null, rolled_back_at: null });
    expect(failedRow!.logs).toMatch(/NoSuchTable/);
    expect(await prismaReadsHistory(db.adapterFactory, folder.dir)).toMatchObject({
      failedMigrationNames: [broken],
    });

    // Even once the file is fixed, the recorded failure must be resolved first.
    folder.add("29990102000000_later", `CREATE TABLE "Later" ("id" TEXT PRIMARY KEY);`);
    const blocked = await applyMigrations(db.connection, folder.dir).catch((e: unknown) => e);
    expect((blocked as Error).message).toMatch(
      /29990101000000_broken failed earlier .* no further migration will run.*rolled_back_at/,
    );
    expect(await tables()).not.toContain("Later");

    await db.connection.query(
      `UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = $1`,
      [broken],
    );
    await db.connection.exec(`DROP TABLE IF EXISTS "Half"`);
    const { writeFileSync } = await import("node:fs");
    writeFileSync(
      `${folder.dir}/${broken}/migration.sql`,
      `CREATE TABLE "Half" ("id" TEXT PRIMARY KEY);`,
    );
    const resolved = await applyMigrations(db.connection, folder.dir);
    expect(resolved.applied).toEqual([broken, "29990102000000_later"]);
    expect(await tables()).toEqual(expect.arrayContaining(["Half", "Later"]));
  });

  it("reports an applied migration whose file was changed afterwards", async () => {
    const folder = copyOfMigrations();
    folder.add("29990101000000_add_note", `CREATE TABLE "Note" ("id" TEXT PRIMARY KEY);`);
    await applyMigrations(db.connection, folder.dir);
    const { appendFileSync } = await import("node:fs");
    appendFileSync(`${folder.dir}/29990101000000_add_note/migration.sql`, `\n-- edited`);

    const result = await applyMigrations(db.connection, folder.dir);

    expect(result).toEqual({ fresh: false, applied: [], modified: ["29990101000000_add_note"] });
  });
});
