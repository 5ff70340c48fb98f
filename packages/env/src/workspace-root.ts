import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/**
 * The monorepo root: the nearest folder at or above `from` that holds turbo.json. Every
 * process (Next.js in apps/web, tests in a package, scripts) finds the same `.env` and `.data/`.
 */
export function findWorkspaceRoot(from = process.cwd()): string {
  // turbopackIgnore: the walk is meant to happen at run time, not to be traced into the bundle.
  for (let dir = resolve(/* turbopackIgnore: true */ from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, "turbo.json"))) return dir;
    if (dirname(dir) === dir) return resolve(/* turbopackIgnore: true */ from);
  }
}
