// Runs `prisma generate` offline. The CLI insists on downloading its native schema engine
// first, although generating the client never uses it, so it is pointed at an executable that
// exists (node itself). The variable is set for this one child process only: with it set,
// other prisma commands silently do nothing.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");
const result = spawnSync(process.execPath, [prismaCli, "generate"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  },
});
process.exit(result.status ?? 1);
