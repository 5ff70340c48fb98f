import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../src/client";
import { watchDataDir } from "../src/embedded/data-dir-watch";

describe("the embedded database's folder vanishing under a running process", () => {
  it("is reported as a problem once the folder is removed, and not before", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "spool-vanish-"));
    const database = await openDatabase({ dataDir });
    try {
      await database.prisma.user.create({ data: { name: "Grace" } });
      expect(database.problem()).toBeNull();

      rmSync(dataDir, { recursive: true, force: true });

      expect(database.problem()).toMatch(/was removed while Spool was running/);
      expect(database.problem()).toMatch(/requests are refused/);
    } finally {
      await database.close();
    }
  });

  it("tells a folder replaced by a new one from the one it opened, and logs it once", () => {
    const dataDir = mkdtempSync(join(tmpdir(), "spool-vanish-"));
    const pgDir = join(dataDir, "pglite");
    mkdirSync(pgDir);
    const logged: unknown[] = [];
    const watch = watchDataDir(dataDir, pgDir, { error: (line) => logged.push(line) });
    try {
      rmSync(pgDir, { recursive: true });
      mkdirSync(pgDir);

      expect(watch.problem()).toMatch(/was replaced while Spool was running/);
      expect(watch.problem()).toMatch(/was replaced/);
      expect(logged).toHaveLength(1);
      expect(String(logged[0])).toContain(pgDir);
    } finally {
      watch.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
