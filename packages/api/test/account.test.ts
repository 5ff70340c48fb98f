import { testDatabaseKinds } from "@spool/db/testing";
import { describe, expect, it } from "vitest";
import { createContext } from "../src/context";
import { createCaller } from "../src/root";
import { userForOAuthAccount } from "../src/services/accounts/oauth-account";
import { verifyCredentials } from "../src/services/accounts/verify-credentials";
import { refusal, useApi } from "./support/harness";

describe.each(testDatabaseKinds)("accounts on %s", (kind) => {
  const api = useApi(kind);
  const anonymous = () => api.caller({ kind: "anonymous" });
  const unique = () => `u${Math.random().toString(36).slice(2, 10)}`;

  it("signs up with a username and password that then sign in, and nothing else does", async () => {
    const username = unique();
    const created = await anonymous().account.signUp({
      username: ` ${username.toUpperCase()} `,
      name: "Quinn",
      password: "correct horse",
    });

    expect(created).toMatchObject({ username, name: "Quinn" });
    const signIn = (username: string, password: string) =>
      verifyCredentials(api.deps, { username, password, clientAddress: "192.0.2.1" });
    expect(await signIn(username, "correct horse")).toEqual({ id: created.id, name: "Quinn" });
    expect(await signIn(username, "wrong horse")).toBeNull();
    expect(await signIn(unique(), "correct horse")).toBeNull();
    const stored = await api.db.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.passwordHash).not.toContain("correct horse");
  });

  it("says what is wrong with a sign-up", async () => {
    const username = unique();
    await anonymous().account.signUp({ username, name: "First", password: "long enough" });
    expect(
      await refusal(
        anonymous().account.signUp({ username, name: "Second", password: "long enough" }),
      ),
    ).toMatchObject({
      code: "CONFLICT",
      spoolCode: "USERNAME_TAKEN",
      message: `The username ${username} is taken; try another.`,
    });
    expect(
      (await refusal(anonymous().account.signUp({ username: "a!", name: "x", password: "short" })))
        .message,
    ).toBe(
      "username: username is 3-32 letters, digits or . _ - and starts with a letter or digit; password: password has at least 8 characters",
    );
  });

  it("creates one user per OAuth account, found again on the next sign-in", async () => {
    const account = {
      provider: "github",
      providerAccountId: unique(),
      type: "oauth",
      name: "Octo Cat",
    };
    const first = await userForOAuthAccount(api.deps, account);
    const again = await userForOAuthAccount(api.deps, { ...account, name: "Renamed" });
    expect(again).toEqual(first);
    expect(first.name).toBe("Octo Cat");
  });

  it("finds people to chat with by name or username, leaving out the caller", async () => {
    const [ann] = await api.users(1, "Finder");
    const zed = await anonymous().account.signUp({
      username: `zed-${unique()}`,
      name: "Zed Zimmer",
      password: "long enough",
    });

    expect((await ann.api.user.search({ query: "zimm" })).map((u) => u.id)).toEqual([zed.id]);
    expect((await ann.api.user.search({ query: "zed-" })).map((u) => u.id)).toEqual([zed.id]);
    expect((await ann.api.user.search({ query: "Finder0" })).map((u) => u.id)).toEqual([]);
    expect(await ann.api.user.me()).toMatchObject({ id: ann.id, name: "Finder0" });
  });

  it("finds browser accounts, app users their app made discoverable, and people in a thread with the caller", async () => {
    const accessKey = "search-test-key-search-test-key-0123456";
    const service = createCaller(
      await createContext({
        deps: api.deps,
        headers: new Headers({ authorization: `AccessKey ${accessKey}` }),
        accessKey,
      }),
    );
    const tag = unique();
    const [ann] = await api.users(1, "Seeker");
    const browser = await anonymous().account.signUp({
      username: unique(),
      name: `Browser ${tag}`,
      password: "long enough",
    });
    const oauth = await userForOAuthAccount(api.deps, {
      provider: "github",
      providerAccountId: unique(),
      type: "oauth",
      name: `Octo ${tag}`,
    });
    const hidden = await service.identity.createUser({ name: `Hidden ${tag}` });
    const shown = await service.identity.createUser({ name: `Shown ${tag}`, discoverable: true });
    const later = await service.identity.createUser({ name: `Later ${tag}`, externalId: tag });
    await service.identity.createUser({
      name: `Later ${tag}`,
      externalId: tag,
      discoverable: true,
    });
    const mate = await service.identity.createUser({ name: `Mate ${tag}` });
    await api.as(mate.id).thread.create({ kind: "direct", userId: ann.id });

    const found = (await ann.api.user.search({ query: tag })).map((user) => user.id);
    expect(found).toEqual([browser.id, later.id, mate.id, oauth.id, shown.id]);
    expect(found).not.toContain(hidden.id);
    expect(hidden.discoverable).toBe(false);
    // Calling createUser again without `discoverable` leaves it as the app set it.
    expect(
      await service.identity.createUser({ name: `Later ${tag}`, externalId: tag }),
    ).toMatchObject({ id: later.id, discoverable: true });
  });
});
