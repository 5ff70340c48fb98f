import { describe, expect, it } from "vitest";
import { SpoolAdmin, SpoolClient, SpoolError, type IssuedToken } from "../src";
import { ACCESS_KEY } from "./support/spool-server";
import { useSpool } from "./support/use-spool";

const ctx = useSpool();

describe("SpoolAdmin", () => {
  it("makes users (the same one again for an externalId), tokens, and revokes them", async () => {
    const { admin } = ctx.users;
    const first = await admin.createUser({ name: "Ext", externalId: "crm-42" });
    const again = await admin.createUser({ name: "Ext renamed", externalId: "crm-42" });
    expect(again.id).toBe(first.id);
    const issued = await admin.issueToken(first.id, {
      scopes: ["chat.join"],
      expiresInMinutes: 60,
    });
    expect(issued.scopes).toEqual(["chat.join"]);
    expect(issued.expiresAt.getTime()).toBeGreaterThan(Date.now() + 59 * 60_000);
    const client = new SpoolClient({ url: ctx.spool.url, token: issued.token });
    expect((await client.me()).id).toBe(first.id);
    expect(await admin.revokeTokens(first.id)).toEqual({ revoked: 1 });
    await expect(
      new SpoolClient({ url: ctx.spool.url, token: issued.token }).me(),
    ).rejects.toMatchObject({
      code: "TOKEN_INVALID",
      status: 401,
    });
  });

  it("refuses a wrong access key with TOKEN_INVALID", async () => {
    const wrong = new SpoolAdmin({ url: ctx.spool.url, accessKey: "not-the-key-0123456789abcdef" });
    await expect(wrong.createUser({ name: "Nobody" })).rejects.toMatchObject({
      code: "TOKEN_INVALID",
    });
  });

  it("refuses to run in a browser, where the access key would be anyone's", () => {
    const global = globalThis as { document?: unknown };
    global.document = {};
    try {
      expect(() => new SpoolAdmin({ url: ctx.spool.url, accessKey: ACCESS_KEY })).toThrow(/server/);
    } finally {
      delete global.document;
    }
  });
});

describe("SpoolClient's token", () => {
  it("is fetched again shortly before it expires, by the injected clock", async () => {
    const { id } = await ctx.users.admin.createUser({ name: "Refresher" });
    const issued: IssuedToken[] = [];
    let now = Date.now();
    const client = new SpoolClient({
      url: ctx.spool.url,
      clock: { now: () => now, sleep: async () => {} },
      token: async () => {
        const token = await ctx.users.admin.issueToken(id, { expiresInMinutes: 60 });
        issued.push(token);
        return token;
      },
    });
    await client.threads().byPage().next();
    await client.createThread();
    expect(issued).toHaveLength(1); // still fresh: the same token
    now = issued[0]!.expiresAt.getTime() - 30_000; // within the last minute of its life
    await client.createThread();
    expect(issued).toHaveLength(2);
  });

  it("may come as JSON carries it from a backend, its expiry an ISO string", async () => {
    const { id } = await ctx.users.admin.createUser({ name: "Json" });
    let asked = 0;
    const client = new SpoolClient({
      url: ctx.spool.url,
      token: async () => {
        asked++;
        return JSON.parse(JSON.stringify(await ctx.users.admin.issueToken(id))) as {
          token: string;
          expiresAt: string;
        };
      },
    });
    await client.createThread();
    await client.createThread();
    expect(asked).toBe(1);
  });

  it("is fetched once more after a 401 (revoked), and the call goes through", async () => {
    const { id } = await ctx.users.admin.createUser({ name: "Revoked" });
    let asked = 0;
    const client = new SpoolClient({
      url: ctx.spool.url,
      token: async () => {
        asked++;
        return ctx.users.admin.issueToken(id);
      },
    });
    const { id: threadId } = await client.createThread({ topic: "before" });
    await ctx.users.admin.revokeTokens(id);
    expect((await client.thread(threadId).updateTopic("after")).topic).toBe("after");
    expect(asked).toBe(2);
  });

  it("fails with the 401 when the fresh token is refused too", async () => {
    const { id } = await ctx.users.admin.createUser({ name: "Stale" });
    const { token } = await ctx.users.admin.issueToken(id);
    await ctx.users.admin.revokeTokens(id);
    let asked = 0;
    const client = new SpoolClient({
      url: ctx.spool.url,
      token: async () => {
        asked++;
        return token;
      },
    });
    const error = await client.me().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpoolError);
    expect(error).toMatchObject({ code: "TOKEN_INVALID", status: 401 });
    expect(asked).toBe(2);
  });
});
