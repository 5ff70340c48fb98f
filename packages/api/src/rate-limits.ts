import { Redis } from "ioredis";
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { DomainError } from "./errors";
import { HashSlots, type HashSlotOptions } from "./hash-slots";

// In the spirit of Azure Communication Services' chat limits. Counted in process memory, or in
// Redis when one is configured so that every instance shares them.
export const defaultRatePolicies = {
  sendMessage: { points: 10, seconds: 10, what: "messages into one thread" },
  typing: { points: 5, seconds: 10, what: "typing notifications in one thread" },
  createThread: { points: 10, seconds: 10, what: "new threads" },
  changeMembers: { points: 10, seconds: 10, what: "member changes in one thread" },
  // Sign-in counts failed attempts only (a success gives its point back). The narrowest key
  // is checked first, so attempts it refuses never reach the broader counters: one address
  // can spend at most 20 of an account's 100, and so cannot lock its owner out.
  signInAddressAccount: {
    points: 10,
    seconds: 900,
    what: "failed sign-ins to this account from your address",
  },
  signInAddress: { points: 20, seconds: 900, what: "failed sign-ins from your address" },
  signInAccount: { points: 100, seconds: 900, what: "failed sign-ins to this account" },
  signUpAddress: { points: 50, seconds: 3600, what: "sign-ups from your address" },
} as const;

export type RatePolicyName = keyof typeof defaultRatePolicies;
export type RatePolicies = Record<
  RatePolicyName,
  { points: number; seconds: number; what: string }
>;

export interface RateLimitOptions {
  policies?: RatePolicies;
  /** Counts in this Redis, shared by every instance using it; unset: in process memory. */
  redisUrl?: string;
  /** Put before every Redis key, so that deployments (or test runs) sharing a Redis never mix. */
  keyPrefix?: string;
  hashSlots?: HashSlotOptions;
  /** Where a Redis outage is reported. */
  log?: (message: string) => void;
}

/** The process's counters against abuse: rate limits, and the password hashes under way. */
export class RateLimits {
  readonly hashSlots: HashSlots;
  private readonly policies: RatePolicies;
  private readonly limiters: Record<RatePolicyName, RateLimiterAbstract>;
  private readonly redis?: Redis;

  constructor(options: RateLimitOptions = {}) {
    this.policies = options.policies ?? defaultRatePolicies;
    this.hashSlots = new HashSlots(options.hashSlots);
    const keyPrefix = options.keyPrefix ?? "spool:rate";
    if (options.redisUrl)
      this.redis = connectLazily(options.redisUrl, options.log ?? console.error);
    this.limiters = Object.fromEntries(
      Object.entries(this.policies).map(([name, policy]) => {
        const shape = { points: policy.points, duration: policy.seconds };
        const memory = new RateLimiterMemory({ ...shape, keyPrefix: `${keyPrefix}:${name}` });
        if (!this.redis) return [name, memory];
        // While Redis is down, each instance counts in its own memory: the limits still hold
        // per instance instead of failing every request or letting everything through.
        const shared = new RateLimiterRedis({
          ...shape,
          storeClient: this.redis,
          keyPrefix: `${keyPrefix}:${name}`,
          insuranceLimiter: memory,
        });
        return [name, shared];
      }),
    ) as Record<RatePolicyName, RateLimiterAbstract>;
  }

  /** Counts one action for `key`, or refuses it with the time until the next one is allowed. */
  async consume(name: RatePolicyName, key: string): Promise<void> {
    try {
      await this.limiters[name].consume(key);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      const policy = this.policies[name];
      const retryAfterMs = refusal.msBeforeNext;
      throw new DomainError(
        "RATE_LIMITED",
        `Too many ${policy.what}: at most ${policy.points} every ${policy.seconds} s. ` +
          `Try again in ${Math.ceil(retryAfterMs / 1000)} s.`,
        { retryAfterMs },
      );
    }
  }

  /** Gives back a point counted for `key`, e.g. when a sign-in attempt turned out right. */
  async refund(name: RatePolicyName, key: string): Promise<void> {
    await this.limiters[name].reward(key);
  }

  /** Closes the Redis connection, if any. */
  async close(): Promise<void> {
    await this.redis?.quit().catch(() => this.redis?.disconnect());
  }
}

/**
 * A client that connects on its first command. While Redis is unreachable a command waits for
 * one reconnection attempt at most (well under a second), then fails, and the limiter counts
 * in memory instead. The outage is logged when it starts and when it ends, not on every
 * reconnection attempt.
 */
function connectLazily(url: string, log: (message: string) => void): Redis {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt) => Math.min(attempt * 100, 500),
    connectTimeout: 1000,
    commandTimeout: 1000,
  });
  let down = false;
  redis.on("error", (error: Error) => {
    if (down) return;
    down = true;
    log(
      `Redis for rate limits is unreachable (${error.message}): counting in this process's ` +
        "memory until it is back.",
    );
  });
  redis.on("ready", () => {
    if (down) log("Redis for rate limits is back: counting there again.");
    down = false;
  });
  return redis;
}
