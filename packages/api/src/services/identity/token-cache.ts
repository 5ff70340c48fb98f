import type { TokenScope } from "@spool/db";
import { LRUCache } from "lru-cache";

/** What a token says that never changes after it is issued. Revocation is not among it. */
export interface TokenFacts {
  userId: string;
  scopes: readonly TokenScope[];
  expiresAt: Date;
}

// Facts are small; a token not used for a while is looked up again.
const MAX_TOKENS = 10_000;
const MAX_AGE_MS = 10 * 60_000;

/**
 * The bearer tokens this process has verified, by hash, so that a request need not look its
 * token up before acting. It holds only what cannot change; whether the token has been revoked
 * since is checked on every request, in the request's own statement or just before it (see
 * `checkedActor`), so a revocation through any instance ends the token on every instance at
 * once.
 */
export class TokenCache {
  private readonly facts = new LRUCache<string, TokenFacts>({ max: MAX_TOKENS, ttl: MAX_AGE_MS });

  get(tokenHash: string): TokenFacts | undefined {
    return this.facts.get(tokenHash);
  }

  remember(tokenHash: string, facts: TokenFacts): void {
    this.facts.set(tokenHash, facts);
  }

  forget(tokenHash: string): void {
    this.facts.delete(tokenHash);
  }
}
