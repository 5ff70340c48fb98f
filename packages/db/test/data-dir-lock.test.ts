import { execFile, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../src/client";

const child = join(import.meta.dirname, "support", "open-in-child.ts");

/**
 * Opens the embedded database in `dataDir` from a second Node process. Asynchronously and with
 * no deadline of its own: on a busy machine starting PGlite in a new process takes long, and
 * the test's timeout is the one limit.
 */
function openFromAnotherProcess(dataDir: string) {
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    execFile(process.execPath, ["--import", "tsx", child, dataDir], (error, out, err) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, out, err });
    });
  });
}

describe("one process per embedded database folder", () => {
  it("refuses a second process with a clear error and leaves the first one working", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "spool-lock-"));
    const owner = await openDatabase({ dataDir });
    try {
      await owner.prisma.user.create({ data: { name: "Frank" } });

      const second = await openFromAnotherProcess(dataDir);

      expect(second.code).toBe(1);
      expect(second.err).toContain(`is in use by process ${process.pid}`);
      expect(second.err).toMatch(/SPOOL_DATA_DIR|DATABASE_URL/);
      expect(await owner.prisma.user.count()).toBe(1);
    } finally {
      await owner.close();
    }

    expect(existsSync(join(dataDir, "spool.lock"))).toBe(false);
    expect(await openFromAnotherProcess(dataDir)).toMatchObject({
      code: 0,
      out: "opened 1 users\n",
    });
  });

  it("takes over a lock left behind by a process that died", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "spool-lock-"));
    const dead = spawnSync(process.execPath, ["-e", "process.pid"]).pid!;
    const lock = { pid: dead, hostname: hostname(), since: new Date().toISOString() };
    writeFileSync(join(dataDir, "spool.lock"), JSON.stringify(lock));

    expect(await openFromAnotherProcess(dataDir)).toMatchObject({
      code: 0,
      out: "opened 0 users\n",
    });
  });
});
