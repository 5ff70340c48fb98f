// The app under test: `next start` from apps/web (already built), on an embedded database in
// a new temporary folder that is removed when the server stops. Arguments go to `next start`.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const web = fileURLToPath(new URL("../../apps/web/", import.meta.url));
const next = createRequire(join(web, "package.json")).resolve("next/dist/bin/next");
if (!existsSync(join(web, ".next", "BUILD_ID"))) {
  console.error("e2e: the web app is not built: run `npx turbo run build --filter=@spool/web`.");
  process.exit(1);
}
const dataDir = mkdtempSync(join(tmpdir(), "spool-e2e-"));

const server = spawn(process.execPath, [next, "start", ...process.argv.slice(2)], {
  cwd: web,
  stdio: ["ignore", "inherit", "inherit"],
  env: { ...process.env, SPOOL_DATA_DIR: dataDir },
});

// Playwright signals the whole process group; a signal sent to this process alone is passed on.
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (server.exitCode === null) server.kill(signal);
  });
}

server.on("exit", (code, signal) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(signal ? 0 : (code ?? 1));
});
