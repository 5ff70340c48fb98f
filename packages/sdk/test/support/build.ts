import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

/**
 * vitest's global setup: builds the package once before the test files that need the built
 * SDK (the packed tarball, the examples) start, so that they never race each other to dist/.
 */
export async function setup(): Promise<void> {
  await promisify(execFile)("npm", ["run", "build"], {
    cwd: fileURLToPath(new URL("../..", import.meta.url)),
  });
}
