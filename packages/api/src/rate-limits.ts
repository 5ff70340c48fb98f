import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type IRateLimiterOptions,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { DomainError } from "./errors";
import { HashSlots, type HashSlotOptions } from "./hash-slots";
import { RedisConnection } from "./redis-connection";

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
  // Characters sent to the translation provider (cached translations cost nothing): the
  // provider bills by the character, so one user, or everyone together, can only spend so much.
  translateUser: { points: 20_000, seconds: 3600, what: "characters translated for you" },
  translateDeployment: {
    points: 1_000_000,
    seconds: 3600,
    what: "characters translated on this deployment",
  },
} as const;

// SPOOL_RATE_LIMITS=bench: load benchmarks send far more per user than a person can, so the
// per-user chat limits are lifted; the sign-in and sign-up limits guard against guessing and
// stay as they are.
const lifted = 1_000_000_000;
export const benchRatePolicies = {
  ...defaultRatePolicies,
  sendMessage: { ...defaultRatePolicies.sendMessage, points: lifted },
  typing: { ...defaultRatePolicies.typing, points: lifted },
  createThread: { ...defaultRatePolicies.createThread, points: lifted },
  changeMembers: { ...defaultRatePolicies.changeMembers, points: lifted },
} as const;

/** Characters per hour sent to the translation provider, per user and for the deployment. */
export interface TranslationBudget {
  userCharsPerHour: number;
  deploymentCharsPerHour: number;
}

/** The policies a SPOOL_RATE_LIMITS setting names, with the deployment's translation budget. */
export function ratePolicies(
  setting: "default" | "bench",
  translation?: TranslationBudget,
): RatePolicies {
  const policies = setting === "bench" ? benchRatePolicies : defaultRatePolicies;
  if (!translation) return policies;
  return {
    ...policies,
    translateUser: { ...policies.translateUser, points: translation.userCharsPerHour },
    translateDeployment: {
      ...policies.translateDeployment,
      points: translation.deploymentCharsPerHour,
    },
  };
}

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
  private readonly memory: Record<RatePolicyName, RateLimiterMemory>;
  private readonly shared?: Record<RatePolicyName, RateLimiterRedis>;
  private readonly redis?: RedisConnection;

  constructor(options: RateLimitOptions = {}) {
    this.policies = options.policies ?? defaultRatePolicies;
    this.hashSlots = new HashSlots(options.hashSlots);
    const keyPrefix = options.keyPrefix ?? "spool:rate";
    const each = <L>(make: (name: RatePolicyName, shape: IRateLimiterOptions) => L) =>
      Object.fromEntries(
        Object.entries(this.policies).map(([name, policy]) => [
          name,
          make(name as RatePolicyName, {
            points: policy.points,
            duration: policy.seconds,
            keyPrefix: `${keyPrefix}:${name}`,
          }),
        ]),
      ) as Record<RatePolicyName, L>;
    this.memory = each((_, shape) => new RateLimiterMemory(shape));
    if (!options.redisUrl) return;
    const redis = new RedisConnection(options.redisUrl, options.log ?? console.error);
    this.redis = redis;
    // While Redis is down, each instance counts in its own memory: the limits still hold per
    // instance instead of failing every request or letting everything through. A command that
    // fails falls back through insuranceLimiter; once the outage is known, memory is used
    // straight away instead of waiting on a dead connection.
    this.shared = each(
      (name, shape) =>
        new RateLimiterRedis({
          ...shape,
          storeClient: redis.client,
          insuranceLimiter: this.memory[name],
        }),
    );
  }

  private limiter(name: RatePolicyName): RateLimiterAbstract {
    return this.shared && this.redis?.available ? this.shared[name] : this.memory[name];
  }

  /**
   * Counts `points` actions (one by default) for `key`, or refuses them with the time until
   * they would be allowed.
   */
  async consume(name: RatePolicyName, key: string, points = 1): Promise<void> {
    try {
      await this.limiter(name).consume(key, points);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      // A refused batch of points is not spent: a smaller one may still fit in the window.
      if (points > 1) await this.limiter(name).reward(key, points);
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
  async refund(name: RatePolicyName, key: string, points = 1): Promise<void> {
    await this.limiter(name).reward(key, points);
  }

  /** Closes the Redis connection, if any. */
  async close(): Promise<void> {
    await this.redis?.close();
  }
}
