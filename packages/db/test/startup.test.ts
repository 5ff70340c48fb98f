import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readMigrationFiles } from "../src/migrator";
import type { startDatabase as StartDatabase } from "../src/startup";

describe("starting on the embedded default in development", () => {
  // Imported once the variables are set: the env module reads them when it loads.
  let startDatabase: typeof StartDatabase;

  beforeAll(async () => {
    process.env.NODE_ENV = "development";
    process.env.SPOOL_DATA_DIR = mkdtempSync(join(tmpdir(), "spool-start-"));
    delete process.env.DATABASE_URL;
    ({ startDatabase } = await import("../src/startup"));
  });

  it("migrates, seeds the demo once and says how to sign in", async () => {
    const log: string[] = [];
    const first = await startDatabase((line) => log.push(line));
    const { prisma } = first;

    // Not through src/paths: that would load the env module before the variables above are set.
    const migrations = await readMigrationFiles(join(import.meta.dirname, "../prisma/migrations"));
    expect(log.join("\n")).toContain(`applied ${migrations.length} migration(s)`);
    expect(log.join("\n")).toMatch(/alice, bob, carol with password "spool-demo"/);
    expect(
      (await prisma.user.findMany({ orderBy: { username: "asc" } })).map((u) => u.username),
    ).toEqual(["alice", "bob", "carol"]);

    const group = await prisma.thread.findFirstOrThrow({
      where: { kind: "group" },
      include: {
        messages: { orderBy: { sequence: "asc" }, include: { activity: true } },
        members: true,
      },
    });
    expect(group.topic).toBe("Launch planning");
    expect(group.members).toHaveLength(3);
    expect(group.messages.map((m) => m.sequence)).toEqual([1, 2, 3, 4, 5]);
    expect(group.lastSequence).toBe(5);
    const added = group.messages.find((m) => m.type === "member_added");
    expect(added?.activity?.targetUserIds).toHaveLength(1);

    const direct = await prisma.thread.findFirstOrThrow({
      where: { kind: "direct" },
      include: { members: true },
    });
    expect(direct.members).toHaveLength(2);
    expect(direct.directPairKey).toBe(
      direct.members
        .map((m) => m.userId)
        .sort()
        .join(":"),
    );
    await first.close();

    const secondLog: string[] = [];
    const second = await startDatabase((line) => secondLog.push(line));
    expect(await second.prisma.user.count()).toBe(3);
    expect(await second.prisma.message.count()).toBe(7);
    expect(secondLog.join("\n")).not.toMatch(/seeded|applied/);
    await second.close();
  });
});
