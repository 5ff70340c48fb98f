import { randomBytes } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { env, findWorkspaceRoot } from "@spool/env";

// Secrets a development machine should not have to invent: made on the first `npm run dev`,
// kept in the root `.env` for later runs. On globalThis: Next.js bundles instrumentation
// (where they are made) apart from the routes (where they are read).
const processWide = globalThis as { spoolGeneratedSecrets?: Partial<Record<SecretName, string>> };

type SecretName = "SPOOL_ACCESS_KEY" | "NEXTAUTH_SECRET";

const purpose: Record<SecretName, string> = {
  SPOOL_ACCESS_KEY: "identity.* (other apps' users and tokens) is disabled until it is",
  NEXTAUTH_SECRET: "signing in is impossible until it is",
};

function secret(name: SecretName): string | undefined {
  return env[name] ?? processWide.spoolGeneratedSecrets?.[name];
}

/** The key other apps' backends send as `Authorization: AccessKey <key>`; undefined if none. */
export const accessKey = () => secret("SPOOL_ACCESS_KEY");

/** What next-auth signs and encrypts its session cookies with. */
export const authSecret = () => secret("NEXTAUTH_SECRET");

/**
 * At start-up: in development, makes each missing secret and keeps it in the root `.env`;
 * anywhere else, says what stays disabled without it.
 */
export async function ensureSecrets(): Promise<void> {
  for (const name of Object.keys(purpose) as SecretName[]) {
    if (secret(name)) continue;
    if (env.NODE_ENV !== "development") {
      console.warn(`${name} is not set: ${purpose[name]}.`);
      continue;
    }
    const value = randomBytes(32).toString("base64url");
    const file = join(findWorkspaceRoot(), ".env");
    await writeFile(file, withLine(await readIfPresent(file), name, value), { mode: 0o600 });
    processWide.spoolGeneratedSecrets = { ...processWide.spoolGeneratedSecrets, [name]: value };
    console.log(`Generated ${name} for development and wrote it to ${file}`);
  }
}

// A copy of .env.example has an empty `NAME=` line: the value goes there, beside its comment.
// Otherwise it is appended.
function withLine(contents: string, name: string, value: string): string {
  const line = `${name}=${value}`;
  const emptyLine = new RegExp(`^${name}=[ \\t]*$`, "m");
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
