import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";

// The health check on the embedded database, in a folder of this test's own.
const dataDir = mkdtempSync(join(tmpdir(), "spool-health-"));
vi.stubEnv("SPOOL_DATA_DIR", dataDir);
vi.stubEnv("DATABASE_URL", ""); // empty is unset: never a developer's PostgreSQL
const { getDatabase } = await import("@spool/db");
const { checkDatabase } = await import("@/server/health/database");

afterAll(async () => {
  await (await getDatabase()).close();
  rmSync(dataDir, { recursive: true, force: true });
});

// The probe's own deadline is for production; here only the answer counts, however slow:
// opening a fresh embedded database alone took over 120 s on a machine loaded 14 times over.
const patient = 300_000;

describe("the database health check", () => {
  it(
    "reports the embedded database unreachable once its folder is removed under it",
    { timeout: 2 * patient },
    async () => {
      expect(await checkDatabase(patient)).toMatchObject({
        reachable: true,
        engine: "embedded PGlite",
      });

      rmSync(dataDir, { recursive: true, force: true });

      expect(await checkDatabase(patient)).toEqual({
        reachable: false,
        error: expect.stringMatching(/folder .* was removed while Spool was running/),
      });
    },
  );
});
