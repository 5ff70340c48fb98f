import { createHash, randomBytes } from "node:crypto";

// Tokens are random and opaque; only their sha256 is stored, so a database leak reveals none.
const PREFIX = "spool_";

export function newTokenSecret(): string {
  return PREFIX + randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function looksLikeToken(value: string): boolean {
  return value.startsWith(PREFIX) && value.length < 100;
}
