// The app under test, started as the README's production section says: `npm start` from the
// repository root (npm, then turbo, then Spool's server of the last build), on an embedded
// database in a new temporary folder that is removed when the server has stopped. The port
// and the secrets come from the environment (playwright.config.ts).
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
if (!existsSync(join(root, "apps", "web", ".next", "BUILD_ID"))) {
  console.error("e2e: the web app is not built: run `npx turbo run build --filter=@spool/web`.");
  process.exit(1);
}
const dataDir = mkdtempSync(join(tmpdir(), "spool-e2e-"));

// A process group of its own: npm, turbo and Next.js stop together, and only they.
const server = spawn("npm", ["start"], {
  cwd: root,
  detached: true,
  stdio: ["ignore", "inherit", "inherit"],
  env: { ...process.env, SPOOL_DATA_DIR: dataDir },
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (server.exitCode === null) process.kill(-server.pid, signal);
  });
}

server.on("exit", async (code, signal) => {
  await groupGone(server.pid);
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(signal ? 0 : (code ?? 1));
});

/** Resolves once no process of the group is left (Next.js may outlive npm by a moment). */
async function groupGone(pid) {
  for (let waited = 0; waited < 30_000; waited += 100) {
    try {
      process.kill(-pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
