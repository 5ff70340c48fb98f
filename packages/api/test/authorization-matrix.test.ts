import { testDatabaseKinds } from "@spool/db/testing";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import type { Actor } from "../src/actor";
import { createContext } from "../src/context";
import { appRouter, createCaller } from "../src/root";
import { issueToken } from "../src/services/identity/issue-token";
import { useApi, type Caller, type TestUser } from "./support/harness";

interface Fixture {
  owner: TestUser;
  member: TestUser;
  /** Never a member of the thread. */
  outsider: TestUser;
  /** Was a member, then removed by the owner. */
  removed: TestUser;
  threadId: string;
  messageId: string;
}

type Row =
  /** Open to anyone, signed in or not. */
  | { on: "public"; input: (f: Fixture) => unknown }
  /** Acts on one thread: only its current members may. */
  | { on: "thread"; input: (f: Fixture) => unknown; fullChat?: true }
  /** Acts on the caller's own account: any signed-in user may. */
  | { on: "self"; input: (f: Fixture) => unknown; fullChat?: true }
  /** Another app's backend with the access key; never a user. */
  | { on: "service"; input: (f: Fixture) => unknown };

// Every procedure of the router has a row; a new procedure without one fails the first test.
const matrix: Record<string, Row> = {
  "thread.create": {
    on: "self",
    input: () => ({ kind: "group", topic: "New", memberIds: [] }),
    fullChat: true,
  },
  "thread.get": { on: "thread", input: (f) => ({ threadId: f.threadId }) },
  "thread.list": { on: "self", input: () => ({}) },
  "thread.updateTopic": {
    on: "thread",
    input: (f) => ({ threadId: f.threadId, topic: "Renamed" }),
    fullChat: true,
  },
  "thread.delete": { on: "thread", input: (f) => ({ threadId: f.threadId }), fullChat: true },
  "thread.export": { on: "thread", input: (f) => ({ threadId: f.threadId }) },
  "member.list": { on: "thread", input: (f) => ({ threadId: f.threadId }) },
  "member.add": {
    on: "thread",
    input: (f) => ({ threadId: f.threadId, userIds: [f.outsider.id] }),
  },
  "member.remove": { on: "thread", input: (f) => ({ threadId: f.threadId, userId: f.member.id }) },
  "member.leave": { on: "thread", input: (f) => ({ threadId: f.threadId }) },
  "message.send": { on: "thread", input: (f) => ({ threadId: f.threadId, content: "hi" }) },
  "message.get": { on: "thread", input: (f) => ({ messageId: f.messageId }) },
  "message.list": { on: "thread", input: (f) => ({ threadId: f.threadId }) },
  "message.edit": { on: "thread", input: (f) => ({ messageId: f.messageId, content: "edited" }) },
  "message.delete": { on: "thread", input: (f) => ({ messageId: f.messageId }) },
  "receipt.markRead": { on: "thread", input: (f) => ({ threadId: f.threadId, sequence: 1 }) },
  "receipt.list": { on: "thread", input: (f) => ({ threadId: f.threadId }) },
  "typing.notify": { on: "thread", input: (f) => ({ threadId: f.threadId }) },
  "reaction.add": { on: "thread", input: (f) => ({ messageId: f.messageId, emoji: "🎉" }) },
  "reaction.remove": { on: "thread", input: (f) => ({ messageId: f.messageId, emoji: "🎉" }) },
  "reaction.list": { on: "thread", input: (f) => ({ messageId: f.messageId }) },
  "translation.translate": { on: "thread", input: (f) => ({ messageId: f.messageId, to: "es" }) },
  "translation.languages": { on: "self", input: () => undefined },
  "member.preferences": { on: "thread", input: (f) => ({ threadId: f.threadId }) },
  "member.updatePreferences": {
    on: "thread",
    input: (f) => ({ threadId: f.threadId, autoTranslate: true }),
  },
  "user.updatePreferences": { on: "self", input: () => ({ language: "es", autoTranslate: true }) },
  "account.signUp": {
    on: "public",
    input: () => ({ username: `new-${Date.now()}`, name: "New", password: "long enough" }),
  },
  "user.me": { on: "self", input: () => undefined },
  "user.search": { on: "self", input: () => ({ query: "Matrix" }) },
  "identity.createUser": { on: "service", input: () => ({ name: "Newcomer" }) },
  "identity.issueToken": { on: "service", input: (f) => ({ userId: f.member.id }) },
  "identity.revokeTokens": { on: "service", input: (f) => ({ userId: f.member.id }) },
};

const ACCESS_KEY = "test-access-key-test-access-key-0123456789";

describe.each(testDatabaseKinds)("authorization on %s", (kind) => {
  const api = useApi(kind);

  const call = (caller: Caller, path: string, input: unknown) =>
    path.split(".").reduce<any>((node, key) => node[key], caller)(input) as Promise<unknown>; // eslint-disable-line @typescript-eslint/no-explicit-any

  /** A caller authenticated the way HTTP requests are, from an Authorization header. */
  async function viaHeader(authorization?: string): Promise<Caller> {
    const headers = new Headers(authorization ? { authorization } : {});
    return createCaller(await createContext({ deps: api.deps, headers, accessKey: ACCESS_KEY }));
  }

  async function fixture(): Promise<Fixture> {
    const [owner, member, outsider, removed] = await api.users(4, "Matrix");
    const { thread } = await owner.api.thread.create({
      kind: "group",
      topic: "Matrix",
      memberIds: [member.id, removed.id],
    });
    const message = await owner.api.message.send({ threadId: thread.id, content: "hello" });
    await owner.api.member.remove({ threadId: thread.id, userId: removed.id });
    return {
      owner: owner,
      member: member,
      outsider: outsider,
      removed: removed,
      threadId: thread.id,
      messageId: message.id,
    };
  }

  async function refusedWith(promise: Promise<unknown>): Promise<string> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error, "expected a refusal").toBeInstanceOf(TRPCError);
    return (error as TRPCError).code;
  }

  it("has a row for every procedure of the router, and no row for one it lacks", () => {
    expect(Object.keys(appRouter._def.procedures).sort()).toEqual(Object.keys(matrix).sort());
  });

  it.each(Object.entries(matrix))(
    "%s refuses everyone it should and serves who it should",
    async (path, row) => {
      const f = await fixture();
      const input = row.input(f);
      if (row.on === "public") {
        await call(await viaHeader(), path, input);
        return;
      }

      const expired = await issueToken(api.deps, {
        userId: f.member.id,
        scopes: ["chat"],
        expiresInMinutes: 60,
      });
      await api.db.accessToken.updateMany({
        where: { userId: f.member.id },
        data: { expiresAt: new Date(Date.now() - 1000) },
      });
      const revoked = await issueToken(api.deps, {
        userId: f.owner.id,
        scopes: ["chat"],
        expiresInMinutes: 60,
      });
      await api.db.accessToken.updateMany({
        where: { userId: f.owner.id },
        data: { revokedAt: new Date() },
      });

      expect(await refusedWith(call(await viaHeader(), path, input))).toBe(
        row.on === "service" ? "FORBIDDEN" : "UNAUTHORIZED",
      );
      expect(await refusedWith(call(await viaHeader(`Bearer ${expired.token}`), path, input))).toBe(
        "UNAUTHORIZED",
      );
      expect(await refusedWith(call(await viaHeader(`Bearer ${revoked.token}`), path, input))).toBe(
        "UNAUTHORIZED",
      );
      expect(await refusedWith(call(await viaHeader("AccessKey wrong-key"), path, input))).toBe(
        "UNAUTHORIZED",
      );

      if (row.on === "thread") {
        expect(await refusedWith(call(f.outsider.api, path, input))).toBe("NOT_FOUND");
        expect(await refusedWith(call(f.removed.api, path, input))).toBe("NOT_FOUND");
      }
      if (row.on === "service") {
        expect(await refusedWith(call(f.owner.api, path, input))).toBe("FORBIDDEN");
      } else {
        const service = api.caller({ kind: "service" } satisfies Actor);
        expect(await refusedWith(call(service, path, input))).toBe("UNAUTHORIZED");
      }
      if (row.on !== "service" && row.fullChat) {
        const joinOnly = await issueToken(api.deps, {
          userId: f.owner.id,
          scopes: ["chat.join"],
          expiresInMinutes: 60,
        });
        expect(
          await refusedWith(call(await viaHeader(`Bearer ${joinOnly.token}`), path, input)),
        ).toBe("FORBIDDEN");
      }

      // And the rightful caller gets through with the very same input.
      const rightful =
        row.on === "service" ? await viaHeader(`AccessKey ${ACCESS_KEY}`) : f.owner.api;
      await call(rightful, path, input);
    },
  );

  it("shows a thread to nobody outside it in thread.list", async () => {
    const f = await fixture();
    for (const user of [f.outsider, f.removed]) {
      expect((await user.api.thread.list({})).items.map((t) => t.id)).not.toContain(f.threadId);
    }
  });
});
