import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { DomainError } from "./errors";

// In the spirit of Azure Communication Services' chat limits. Counted per server instance:
// several instances behind a load balancer each allow this much.
export const defaultRatePolicies = {
  sendMessage: { points: 10, seconds: 10, what: "messages into one thread" },
  typing: { points: 5, seconds: 10, what: "typing notifications in one thread" },
  createThread: { points: 10, seconds: 10, what: "new threads" },
  changeMembers: { points: 10, seconds: 10, what: "member changes in one thread" },
  signIn: { points: 10, seconds: 60, what: "sign-in attempts for one account" },
} as const;

export type RatePolicyName = keyof typeof defaultRatePolicies;
export type RatePolicies = Record<
  RatePolicyName,
  { points: number; seconds: number; what: string }
>;

export class RateLimits {
  private readonly limiters: Record<RatePolicyName, RateLimiterMemory>;

  constructor(private readonly policies: RatePolicies = defaultRatePolicies) {
    this.limiters = Object.fromEntries(
      Object.entries(policies).map(([name, policy]) => [
        name,
        new RateLimiterMemory({ points: policy.points, duration: policy.seconds, keyPrefix: name }),
      ]),
    ) as Record<RatePolicyName, RateLimiterMemory>;
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
}
