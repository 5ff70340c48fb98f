import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const packageDir = fileURLToPath(new URL("../..", import.meta.url));

/**
 * vitest's global setup: the packed tarball and the examples need the built SDK. Turbo builds
 * it before the tests (`@spool/sdk#test` depends on `build`), so that nothing rewrites dist/
 * while the examples are type-checked against it; run alone, vitest builds it here.
 */
export async function setup(): Promise<void> {
  if (existsSync(`${packageDir}/dist/index.d.ts`)) return;
  await promisify(execFile)("npm", ["run", "build"], { cwd: packageDir });
}
