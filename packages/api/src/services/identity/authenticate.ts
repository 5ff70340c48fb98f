import { timingSafeEqual, createHash } from "node:crypto";
import type { Actor, UserActor } from "../../actor";
import type { ServiceDeps } from "../../deps";
import { DomainError } from "../../errors";
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
 * A bearer token this process verified before is not looked up again: it comes back as a
 * `token` actor, whose revocation is still to be checked (`checkedActor`).
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

/** A `token` actor checked against the database: the user, or why the token no longer works. */
export async function checkedActor(deps: ServiceDeps, actor: Actor): Promise<Actor> {
  if (actor.kind !== "token") return actor;
  const { uncheckedToken, ...user } = actor.user;
  const refusal = await revocationRefusal(deps, uncheckedToken);
  return refusal ? { kind: "rejected", reason: refusal } : { kind: "user", user };
}

/** For a service: refuses the caller unless their token, if still unchecked, is still valid. */
export async function requireCheckedToken(deps: ServiceDeps, user: UserActor): Promise<void> {
  if (!user.uncheckedToken) return;
  const refusal = await revocationRefusal(deps, user.uncheckedToken);
  if (refusal) throw new DomainError("TOKEN_INVALID", refusal);
}

/** Why a cached token no longer works (it is then forgotten), or null while it does. */
async function revocationRefusal(deps: ServiceDeps, tokenHash: string): Promise<string | null> {
  const found = await deps.db.accessToken.findUnique({
    where: { tokenHash },
    select: { revokedAt: true },
  });
  const refusal = tokenRefusal(found ? (found.revokedAt ? "revoked" : "valid") : "unknown");
  if (refusal) deps.tokens.forget(tokenHash);
  return refusal;
}

/** What a service's own statement found of the caller's unchecked token. */
export type TokenState = "valid" | "revoked" | "unknown";

/** Why a token in that state is refused, or null while it is valid. */
export function tokenRefusal(state: TokenState): string | null {
  if (state === "valid") return null;
  return state === "revoked" ? "The token has been revoked." : "The token is not valid.";
}

async function fromToken(deps: ServiceDeps, token: string, socketId?: string): Promise<Actor> {
  if (!looksLikeToken(token)) return { kind: "rejected", reason: tokenRefusal("unknown")! };
  const tokenHash = hashToken(token);
  const cached = deps.tokens.get(tokenHash);
  const facts =
    cached ??
    (await deps.db.accessToken.findUnique({
      where: { tokenHash },
      select: { userId: true, scopes: true, expiresAt: true, revokedAt: true },
    }));
  if (!facts) return { kind: "rejected", reason: tokenRefusal("unknown")! };
  if ("revokedAt" in facts && facts.revokedAt) {
    return { kind: "rejected", reason: tokenRefusal("revoked")! };
  }
  if (facts.expiresAt <= new Date()) {
    deps.tokens.forget(tokenHash);
    return { kind: "rejected", reason: `The token expired at ${facts.expiresAt.toISOString()}.` };
  }
  const { userId, scopes, expiresAt } = facts;
  if (cached)
    return { kind: "token", user: { userId, scopes, socketId, uncheckedToken: tokenHash } };
  deps.tokens.remember(tokenHash, { userId, scopes, expiresAt });
  return { kind: "user", user: { userId, scopes, socketId } };
}

function sameSecret(given: string, expected: string): boolean {
  // Hashing first gives equal lengths, which timingSafeEqual requires.
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
