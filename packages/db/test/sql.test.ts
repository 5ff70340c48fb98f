import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../src/client";
import { isUniqueViolation, sql } from "../src/sql";
import { openTestDatabase, testDatabaseKinds } from "../src/testing";

// The driver-level client the hot path uses: each named statement is prepared once (on PGlite
// too, where PGlite's own `query` would plan it on every call), and still behaves as a plain
// query does.

describe.each(testDatabaseKinds)("statements straight through the driver on %s", (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database.close());

  it("runs one named statement again and again, each time with its own parameters", async () => {
    const user = await database.prisma.user.create({ data: { name: "Ada", username: "ada-sql" } });
    for (const [index, at] of [new Date("2026-01-02T03:04:05.678Z"), new Date(0)].entries()) {
      const rows = await database.sql.query<Record<string, unknown>>(
        "echo",
        sql`SELECT id::text, name, ${JSON.stringify({ index })}::jsonb AS data,
                   ${at}::timestamptz AS at, ${index}::int AS n, ${null}::text AS nothing
              FROM "User" WHERE id = ${user.id}::uuid`,
      );
      expect(rows).toEqual([
        { id: user.id, name: "Ada", data: { index }, at, n: index, nothing: null },
      ]);
    }
  });

  it("reports a unique violation as such, and the next statement still runs", async () => {
    const insert = (username: string) =>
      database.sql.query(
        "insert-user",
        sql`INSERT INTO "User" (id, name, username, "updatedAt") VALUES (gen_random_uuid(), 'Bo', ${username}, now())`,
      );
    await insert("bo-sql");
    const refused: unknown = await insert("bo-sql").catch((error: unknown) => error);
    expect(isUniqueViolation(refused)).toBe(true);
    const [row] = await database.sql.query<{ n: number }>(
      "count-users",
      sql`SELECT count(*)::int AS n FROM "User" WHERE username = ${"bo-sql"}`,
    );
    expect(row).toEqual({ n: 1 });
  });

  it("is never part of another caller's transaction: that one's rollback keeps it", async () => {
    let inside!: () => void;
    const started = new Promise<void>((resolve) => (inside = resolve));
    let abandon!: (reason: Error) => void;
    const held = new Promise<void>((_, reject) => (abandon = reject));
    const transaction = database.prisma.$transaction(async (tx) => {
      await tx.user.create({ data: { name: "Cy", username: "cy-sql" } });
      inside();
      await held;
    });
    await started;
    // PGlite has one connection: this waits for the transaction to end. PostgreSQL runs it on
    // another connection. Either way it commits on its own.
    const stored = database.sql.query(
      "insert-user",
      sql`INSERT INTO "User" (id, name, username, "updatedAt") VALUES (gen_random_uuid(), 'Di', ${"di-sql"}, now())`,
    );
    abandon(new Error("changed my mind"));
    await expect(transaction).rejects.toThrow("changed my mind");
    await stored;
    const users = await database.prisma.user.findMany({
      where: { username: { in: ["cy-sql", "di-sql"] } },
      select: { username: true },
    });
    expect(users).toEqual([{ username: "di-sql" }]);
  });
});
