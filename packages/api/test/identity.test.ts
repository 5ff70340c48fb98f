import { testDatabaseKinds } from "@spool/db/testing";
import { describe, expect, it } from "vitest";
import { createContext } from "../src/context";
import { createCaller } from "../src/root";
import { TokenCache } from "../src/services/identity/token-cache";
import { refusal, useApi } from "./support/harness";

const ACCESS_KEY = "identity-test-key-identity-test-key-0123";

describe.each(testDatabaseKinds)("identities and tokens for other apps on %s", (kind) => {
  const api = useApi(kind);
  /** A caller as an HTTP request with this Authorization header; null: no key configured. */
  const as = async (authorization?: string, accessKey: string | null = ACCESS_KEY) =>
    createCaller(
      await createContext({
        deps: api.deps,
        headers: new Headers(authorization ? { authorization } : {}),
        accessKey: accessKey ?? undefined,
      }),
    );

  it("creates users, once per external id", async () => {
    const service = await as(`AccessKey ${ACCESS_KEY}`);
    const first = await service.identity.createUser({ name: "Pat", externalId: "crm-7" });
    const again = await service.identity.createUser({ name: "Pat Lee", externalId: "crm-7" });
    const other = await service.identity.createUser({ name: "Pat" });

    expect(again).toMatchObject({ id: first.id, name: "Pat Lee", externalId: "crm-7" });
    expect(other.id).not.toBe(first.id);
  });

  it("issues expiring tokens that act as the user, and revokes them at once", async () => {
    const service = await as(`AccessKey ${ACCESS_KEY}`);
    const user = await service.identity.createUser({ name: "Tok" });
    const before = Date.now();

    const issued = await service.identity.issueToken({ userId: user.id, expiresInMinutes: 60 });

    expect(issued.token).toMatch(/^spool_[\w-]{43}$/);
    expect(issued.scopes).toEqual(["chat"]);
    expect(issued.expiresAt.getTime() - before).toBeGreaterThanOrEqual(60 * 60_000 - 1000);
    expect(await api.db.accessToken.count({ where: { tokenHash: issued.token } })).toBe(0);
    const asUser = await as(`Bearer ${issued.token}`);
    const { thread } = await asUser.thread.create({ kind: "group", topic: "Mine", memberIds: [] });
    expect(thread.createdById).toBe(user.id);

    expect(await service.identity.revokeTokens({ userId: user.id })).toEqual({ revoked: 1 });
    expect(await refusal((await as(`Bearer ${issued.token}`)).thread.list({}))).toMatchObject({
      code: "UNAUTHORIZED",
      spoolCode: "TOKEN_INVALID",
      message: "The token has been revoked.",
    });
  });

  it("ends a token on every instance at once, also where it is cached", async () => {
    const service = await as(`AccessKey ${ACCESS_KEY}`);
    const user = await service.identity.createUser({ name: "Everywhere" });
    const { token } = await service.identity.issueToken({ userId: user.id });
    // Two app instances over one database, each keeping the tokens it has verified.
    const instance =
      (tokens = new TokenCache()) =>
      async () =>
        createCaller(
          await createContext({
            deps: { ...api.deps, tokens },
            headers: new Headers({ authorization: `Bearer ${token}` }),
            accessKey: ACCESS_KEY,
          }),
        );
    const [first, second] = [instance(), instance()];
    const { thread } = await (await first()).thread.create({ kind: "group", topic: "Cached" });
    const threadId = thread.id;
    await (await first()).message.send({ threadId, content: "from the first" });
    await (await second()).message.send({ threadId, content: "from the second" });

    await service.identity.revokeTokens({ userId: user.id });

    const revoked = { spoolCode: "TOKEN_INVALID", message: "The token has been revoked." };
    for (const next of [first, second]) {
      const caller = await next();
      expect(await refusal(caller.message.send({ threadId, content: "after" }))).toMatchObject(
        revoked,
      );
      // Refused as a revoked token, before its content could be judged.
      const tooLarge = "😀".repeat(8_000);
      expect(await refusal(caller.message.send({ threadId, content: tooLarge }))).toMatchObject(
        revoked,
      );
      expect(await refusal(caller.thread.list({}))).toMatchObject(revoked);
    }
    expect(await api.db.message.count({ where: { threadId } })).toBe(2);
  });

  it("says exactly what is wrong with a token request or a credential", async () => {
    const service = await as(`AccessKey ${ACCESS_KEY}`);
    const user = await service.identity.createUser({ name: "Bounds" });
    expect(
      await refusal(service.identity.issueToken({ userId: user.id, expiresInMinutes: 25 * 60 })),
    ).toMatchObject({
      spoolCode: "INVALID_INPUT",
      message: "expiresInMinutes: a token lives at most 24 hours (1440 minutes)",
    });
    expect(
      await refusal(service.identity.issueToken({ userId: user.id, scopes: ["admin" as "chat"] })),
    ).toMatchObject({ message: "scopes.0: scopes are 'chat' or 'chat.join'" });

    const expired = await service.identity.issueToken({ userId: user.id });
    await api.db.accessToken.updateMany({
      where: { userId: user.id },
      data: { expiresAt: new Date(0) },
    });
    expect((await refusal((await as(`Bearer ${expired.token}`)).thread.list({}))).message).toBe(
      "The token expired at 1970-01-01T00:00:00.000Z.",
    );
    expect((await refusal((await as("Bearer nonsense")).thread.list({}))).message).toBe(
      "The token is not valid.",
    );
    expect((await refusal((await as("Basic abc")).thread.list({}))).message).toBe(
      "Authorization must be 'Bearer <token>' or 'AccessKey <key>'.",
    );
    expect(
      (
        await refusal(
          (await as(`AccessKey ${ACCESS_KEY}`, null)).identity.createUser({ name: "x" }),
        )
      ).message,
    ).toBe("This server has no access key: set SPOOL_ACCESS_KEY.");
  });
});
