import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../src/client";
import { applyMigrations } from "../src/migrator";
import { migrationsDir } from "../src/paths";
import { databaseKinds, scratchDatabase } from "./support/databases";

const freshDataDir = () => mkdtempSync(join(tmpdir(), "spool-data-"));

describe("the embedded database (PGlite)", () => {
  it("migrates itself on open, keeps its data across restarts and closes cleanly", async () => {
    const dataDir = freshDataDir();
    const first = await openDatabase({ dataDir });
    expect(first.kind).toBe("pglite");
    expect(first.migrations?.fresh).toBe(true);
    const user = await first.prisma.user.create({ data: { name: "Dana", username: "dana" } });
    await first.close();

    const second = await openDatabase({ dataDir });
    expect(second.migrations).toEqual({ fresh: false, applied: [], modified: [] });
    expect(await second.prisma.user.findUnique({ where: { id: user.id } })).toMatchObject({
      name: "Dana",
      username: "dana",
    });
    await second.close();
  });

  it("enforces the domain's unique keys", async () => {
    const database = await openDatabase({ dataDir: freshDataDir() });
    try {
      const { prisma } = database;
      const alice = await prisma.user.create({ data: { name: "Alice" } });
      const thread = await prisma.thread.create({
        data: { kind: "group", topic: "Ops", createdById: alice.id },
      });
      const message = {
        threadId: thread.id,
        type: "text" as const,
        senderId: alice.id,
        clientMessageId: "c-1",
      };
      await prisma.message.create({ data: { ...message, sequence: 1, changeSequence: 1 } });

      // The same client message id again, and the same sequence again, are both refused.
      await expect(
        prisma.message.create({ data: { ...message, sequence: 2, changeSequence: 2 } }),
      ).rejects.toThrow(/Unique constraint/);
      await expect(
        prisma.message.create({
          data: { ...message, clientMessageId: "c-2", sequence: 1, changeSequence: 3 },
        }),
      ).rejects.toThrow(/Unique constraint/);
    } finally {
      await database.close();
    }
  });
});

describe.each(databaseKinds.filter((kind) => kind === "postgres"))("%s through a pool", (kind) => {
  it("reads and writes through @prisma/adapter-pg, honouring ?schema=", async () => {
    const scratch = await scratchDatabase(kind);
    try {
      await applyMigrations(scratch.connection, migrationsDir);
      const database = await openDatabase({ url: scratch.url!, poolSize: 4 });
      expect(database.kind).toBe("postgres");
      expect(database.migrations).toBeUndefined();
      const created = await database.prisma.user.create({ data: { name: "Erin" } });
      const rows = await scratch.connection.query<{ name: string }>(
        `SELECT name FROM "User" WHERE id = $1`,
        [created.id],
      );
      expect(rows).toEqual([{ name: "Erin" }]);
      await database.close();
    } finally {
      await scratch.close();
    }
  });
});
