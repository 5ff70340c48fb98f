import { describe, expect, it } from "vitest";
import { defaultRatePolicies, ratePolicies, RateLimits } from "../src/rate-limits";

/** How many of `attempts` consumes for one key the policies allow before the first refusal. */
async function allowed(
  limits: RateLimits,
  name: "sendMessage" | "signInAddress",
  attempts: number,
) {
  let count = 0;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const refused = await limits.consume(name, "user-1:thread-1").then(
      () => false,
      () => true,
    );
    if (refused) break;
    count++;
  }
  return count;
}

describe("rate limit settings (SPOOL_RATE_LIMITS)", () => {
  it("keeps the documented limits by default: 10 sends per 10 s per user and thread", async () => {
    expect(ratePolicies("default")).toBe(defaultRatePolicies);
    expect(defaultRatePolicies.sendMessage).toMatchObject({ points: 10, seconds: 10 });
    const limits = new RateLimits({ policies: ratePolicies("default") });
    expect(await allowed(limits, "sendMessage", 50)).toBe(10);
  });

  it("bench lets a load run send without refusals, and keeps the sign-in limits", async () => {
    const limits = new RateLimits({ policies: ratePolicies("bench") });
    expect(await allowed(limits, "sendMessage", 5_000)).toBe(5_000);
    expect(await allowed(limits, "signInAddress", 50)).toBe(20);
    expect(ratePolicies("bench").signInAccount).toEqual(defaultRatePolicies.signInAccount);
    expect(ratePolicies("bench").signUpAddress).toEqual(defaultRatePolicies.signUpAddress);
  });
});
