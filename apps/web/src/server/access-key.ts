import { randomBytes } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { env, findWorkspaceRoot } from "@spool/env";

// On globalThis: Next.js bundles instrumentation (where the key is made) apart from the routes
// (where it is read), so a module variable would not be seen by the tRPC route.
const processWide = globalThis as { spoolGeneratedAccessKey?: string };

/**
 * The key other apps' backends send as `Authorization: AccessKey <key>`; undefined when none is
 * set. `env` was read before start-up, so a key generated since then is asked for here.
 */
export function accessKey(): string | undefined {
  return env.SPOOL_ACCESS_KEY ?? processWide.spoolGeneratedAccessKey;
}

/**
 * At start-up with no SPOOL_ACCESS_KEY: in development, makes one and keeps it in the root
 * `.env` for the next runs; anywhere else, says that identity.* stays refused without one.
 */
export async function ensureAccessKey(): Promise<void> {
  if (accessKey()) return;
  if (env.NODE_ENV !== "development") {
    console.warn(
      "SPOOL_ACCESS_KEY is not set: identity.* (other apps' users and tokens) is disabled until it is.",
    );
    return;
  }
  const key = randomBytes(32).toString("base64url");
  const file = join(findWorkspaceRoot(), ".env");
  await writeFile(file, withKey(await readIfPresent(file), key), { mode: 0o600 });
  processWide.spoolGeneratedAccessKey = key;
  console.log(`Generated SPOOL_ACCESS_KEY for development and wrote it to ${file}`);
}

// A copy of .env.example has an empty SPOOL_ACCESS_KEY= line: the key goes there, beside its
// comment. Otherwise it is appended.
function withKey(contents: string, key: string): string {
  const line = `SPOOL_ACCESS_KEY=${key}`;
  const emptyLine = /^SPOOL_ACCESS_KEY=[ \t]*$/m;
  if (emptyLine.test(contents)) return contents.replace(emptyLine, line);
  const separator = contents === "" || contents.endsWith("\n") ? "" : "\n";
  return `${contents}${separator}${line}\n`;
}

async function readIfPresent(file: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "";
    throw error;
  }
}
