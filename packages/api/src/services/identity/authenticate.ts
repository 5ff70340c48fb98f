import { timingSafeEqual, createHash } from "node:crypto";
import type { Actor } from "../../actor";
import type { ServiceDeps } from "../../deps";
import { hashToken, looksLikeToken } from "./tokens";

export interface Credentials {
  /** The raw Authorization header, if any. */
  authorization: string | null;
  /** The signed-in browser user, from next-auth; only asked when no header is sent. */
  sessionUserId?: () => Promise<string | null>;
  /** The configured access key; undefined when none is set. */
  accessKey: string | undefined;
  socketId?: string;
}

/**
 * Turns the request's credentials into an actor. `Authorization: Bearer <token>` is a user of
 * another app; `Authorization: AccessKey <key>` is that app's backend; otherwise the session.
 */
export async function authenticate(deps: ServiceDeps, credentials: Credentials): Promise<Actor> {
  const [scheme, value] = (credentials.authorization ?? "").trim().split(/\s+/, 2);
  if (scheme?.toLowerCase() === "bearer" && value)
    return fromToken(deps, value, credentials.socketId);
  if (scheme?.toLowerCase() === "accesskey" && value) {
    if (!credentials.accessKey) {
      return { kind: "rejected", reason: "This server has no access key: set SPOOL_ACCESS_KEY." };
    }
    return sameSecret(value, credentials.accessKey)
      ? { kind: "service" }
      : { kind: "rejected", reason: "The access key is not valid." };
  }
  if (scheme) {
    return {
      kind: "rejected",
      reason: "Authorization must be 'Bearer <token>' or 'AccessKey <key>'.",
    };
  }
  const userId = await credentials.sessionUserId?.();
  if (!userId) return { kind: "anonymous" };
  return { kind: "user", user: { userId, scopes: ["chat"], socketId: credentials.socketId } };
}

async function fromToken(deps: ServiceDeps, token: string, socketId?: string): Promise<Actor> {
  const found = looksLikeToken(token)
    ? await deps.db.accessToken.findUnique({ where: { tokenHash: hashToken(token) } })
    : null;
  if (!found) return { kind: "rejected", reason: "The token is not valid." };
  if (found.revokedAt) return { kind: "rejected", reason: "The token has been revoked." };
  if (found.expiresAt <= new Date()) {
    return { kind: "rejected", reason: `The token expired at ${found.expiresAt.toISOString()}.` };
  }
  return { kind: "user", user: { userId: found.userId, scopes: found.scopes, socketId } };
}

function sameSecret(given: string, expected: string): boolean {
  // Hashing first gives equal lengths, which timingSafeEqual requires.
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
