import { testDatabaseKinds } from "@spool/db/testing";
import { describe, expect, it, vi } from "vitest";
import { defaultRatePolicies, RateLimits } from "../src/rate-limits";
import { createCaller } from "../src/root";
import { verifyCredentials } from "../src/services/accounts/verify-credentials";
import { refusal, useApi } from "./support/harness";

// Every window here is the production default (15 minutes or an hour), far longer than a test
// takes however slow the machine: nothing depends on time passing or not passing.
describe.each(testDatabaseKinds)("sign-in and sign-up abuse on %s", (kind) => {
  const api = useApi(kind);
  const unique = () => `u${Math.random().toString(36).slice(2, 10)}`;
  let addressCount = 0;
  /** An address no other test uses, so each test has counters of its own. */
  const newAddress = () => `198.51.100.${++addressCount}`;
  const anonymousFrom = (clientAddress: string) =>
    createCaller({
      deps: api.deps,
      actor: { kind: "anonymous" },
      clientAddress: () => clientAddress,
    });
  const signIn = (clientAddress: string, username: string, password: string) =>
    verifyCredentials(api.deps, { username, password, clientAddress });

  async function account() {
    const username = unique();
    const user = await anonymousFrom(newAddress()).account.signUp({
      username,
      name: "Owner",
      password: "the owner's password",
    });
    return { ...user, password: "the owner's password" };
  }

  it("lets the owner sign in from their address while another address guesses at the account", async () => {
    const owner = await account();
    const attacker = newAddress();
    const { points } = defaultRatePolicies.signInAddressAccount;
    let refused = 0;
    for (let attempt = 0; attempt < 50; attempt++) {
      const outcome = await signIn(attacker, owner.username, `guess ${attempt}`).catch(
        (error: unknown) => error,
      );
      if (outcome === null) continue;
      expect(outcome).toMatchObject({ code: "RATE_LIMITED" });
      refused++;
    }
    expect(refused).toBe(50 - points);
    await expect(signIn(attacker, owner.username, owner.password)).rejects.toMatchObject({
      code: "RATE_LIMITED",
      details: { retryAfterMs: expect.any(Number) },
    });

    expect(await signIn(newAddress(), owner.username, owner.password)).toMatchObject({
      id: owner.id,
    });
  });

  it("refuses an address that tries many usernames after the documented count", async () => {
    const sprayer = newAddress();
    const { points } = defaultRatePolicies.signInAddress;
    const outcomes: string[] = [];
    for (let index = 0; index < 100; index++) {
      const outcome = await signIn(sprayer, unique(), "password123").then(
        (user) => (user === null ? "wrong" : "signed in"),
        (error: { code?: string }) => error.code ?? "error",
      );
      outcomes.push(outcome);
    }
    expect(outcomes.slice(0, points)).toEqual(Array(points).fill("wrong"));
    expect(outcomes.slice(points)).toEqual(Array(100 - points).fill("RATE_LIMITED"));

    const owner = await account();
    expect(await signIn(newAddress(), owner.username, owner.password)).toMatchObject({
      id: owner.id,
    });
  });

  it("counts only failed sign-ins: signing in again and again is never refused", async () => {
    const owner = await account();
    const home = newAddress();
    for (let index = 0; index < defaultRatePolicies.signInAddressAccount.points + 2; index++) {
      expect(await signIn(home, owner.username, owner.password)).toMatchObject({ id: owner.id });
    }
  });

  it("throttles sign-ups from one address after the documented count", async () => {
    const address = newAddress();
    const { username } = await anonymousFrom(address).account.signUp({
      username: unique(),
      name: "First",
      password: "long enough",
    });
    const { points } = defaultRatePolicies.signUpAddress;
    // Taken names are counted like any other sign-up but cost no password hash.
    for (let index = 1; index < points; index++) {
      const taken = await refusal(
        anonymousFrom(address).account.signUp({ username, name: "Again", password: "long enough" }),
      );
      expect(taken.spoolCode).toBe("USERNAME_TAKEN");
    }

    const throttled = await refusal(
      anonymousFrom(address).account.signUp({
        username: unique(),
        name: "One too many",
        password: "long enough",
      }),
    );
    expect(throttled).toMatchObject({
      code: "TOO_MANY_REQUESTS",
      spoolCode: "RATE_LIMITED",
      data: { retryAfterMs: expect.any(Number) },
    });
    expect(throttled.message).toMatch(/^Too many sign-ups from your address: at most 50 every/);
    await expect(
      anonymousFrom(newAddress()).account.signUp({
        username: unique(),
        name: "Elsewhere",
        password: "long enough",
      }),
    ).resolves.toMatchObject({ name: "Elsewhere" });
  });

  it("queues password hashes beyond the bound and refuses past the queue", async () => {
    const limits = new RateLimits({ hashSlots: { concurrent: 2, waiting: 3 } });
    const deps = { ...api.deps, limits };
    // Both slots held until the test lets go: what queues and what is refused no longer
    // depends on how fast scrypt runs.
    const releases: (() => void)[] = [];
    const held = [0, 1].map(() =>
      limits.hashSlots.run(() => new Promise<void>((resolve) => releases.push(resolve))),
    );
    const flood = Array.from({ length: 8 }, (_, index) => {
      const address = newAddress();
      return createCaller({ deps, actor: { kind: "anonymous" }, clientAddress: () => address })
        .account.signUp({ username: unique(), name: `Flood ${index}`, password: "long enough" })
        .then(
          (user) => ({ user }),
          async (error: unknown) => ({ refused: await refusal(Promise.reject(error)) }),
        );
    });

    await vi.waitFor(() => expect(limits.hashSlots.queued).toBe(3), { timeout: 30_000 });
    expect(limits.hashSlots.active).toBe(2);
    releases.forEach((release) => release());
    await Promise.all(held);
    const outcomes = await Promise.all(flood);

    const refused = outcomes.flatMap((outcome) => ("refused" in outcome ? [outcome.refused] : []));
    expect(refused).toHaveLength(5);
    for (const refusal of refused) {
      expect(refusal).toMatchObject({
        code: "TOO_MANY_REQUESTS",
        spoolCode: "RATE_LIMITED",
        data: { retryAfterMs: 1000 },
      });
    }
    const created = outcomes.flatMap((outcome) => ("user" in outcome ? [outcome.user] : []));
    expect(created).toHaveLength(3);
    expect(await api.db.user.count({ where: { id: { in: created.map((u) => u.id) } } })).toBe(3);
    expect(limits.hashSlots.active + limits.hashSlots.queued).toBe(0);
  });
});
