import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/**
 * The monorepo root: the nearest folder at or above `from` that holds turbo.json. Every
 * process (Next.js in apps/web, tests in a package, scripts) finds the same `.env` and `.data/`.
 */
export function findWorkspaceRoot(from = process.cwd()): string {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, "turbo.json"))) return dir;
    if (dirname(dir) === dir) return resolve(from);
  }
}
