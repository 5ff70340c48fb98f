import type { SqlClient } from "@spool/db";
import { testDatabaseKinds } from "@spool/db/testing";
import { describe, expect, it } from "vitest";
import { createContext } from "../src/context";
import { createCaller } from "../src/root";
import { issueToken } from "../src/services/identity/issue-token";
import { revokeTokens } from "../src/services/identity/revoke-tokens";
import { refusal, useApi } from "./support/harness";

const isSend = (sql: string) => sql.includes('INSERT INTO "Message"');

describe.each(testDatabaseKinds)("sends that arrive together, on %s", (kind) => {
  const api = useApi(kind);

  it("share a statement, and each gets its own answer", async () => {
    const [ann, ben, cat, eve] = await api.users(4, "Together");
    const { thread: first } = await ann.api.thread.create({
      kind: "group",
      topic: "First",
      memberIds: [ben.id],
    });
    const { thread: second } = await cat.api.thread.create({ kind: "group", topic: "Second" });
    const earlier = await ann.api.message.send({
      threadId: first.id,
      content: "sent before",
      clientMessageId: "earlier",
    });
    // Ben's token was cached by this instance, then revoked: the statement must notice.
    const { token } = await issueToken(api.deps, {
      userId: ben.id,
      scopes: ["chat"],
      expiresInMinutes: 60,
    });
    const benByToken = async () =>
      createCaller(
        await createContext({
          deps: api.deps,
          headers: new Headers({ authorization: `Bearer ${token}` }),
          accessKey: undefined,
        }),
      );
    await (await benByToken()).message.send({ threadId: first.id, content: "cached now" });
    await revokeTokens(api.deps, { userId: ben.id });
    const revokedBen = await benByToken();

    let answers: PromiseSettledResult<unknown>[] = [];
    const statements = await api.statementsOf(async () => {
      answers = await Promise.allSettled([
        ann.api.message.send({ threadId: first.id, content: "a1", clientMessageId: "a1" }),
        cat.api.message.send({ threadId: second.id, content: "c1" }),
        ann.api.message.send({ threadId: first.id, content: "again", clientMessageId: "earlier" }),
        eve.api.message.send({ threadId: first.id, content: "not mine" }),
        revokedBen.message.send({ threadId: first.id, content: "revoked" }),
        ann.api.message.send({ threadId: first.id, content: "a2" }),
      ]);
    });

    // One statement for all six, across two threads: the queue has one lane on a pool of 10
    // connections and on PGlite, and every send here reaches it in the same turn.
    expect(statements.filter(isSend)).toHaveLength(1);
    const [a1, c1, retry, outsider, revoked, a2] = answers;
    expect(retry).toEqual({ status: "fulfilled", value: earlier });
    expect(c1).toMatchObject({ status: "fulfilled", value: { sequence: 1, content: "c1" } });
    const fresh = [a1, a2].map((answer) => {
      expect(answer?.status).toBe("fulfilled");
      return (answer as PromiseFulfilledResult<{ sequence: number }>).value.sequence;
    });
    // Two sequences right after what the thread had, none skipped by the refused sends.
    expect(fresh.sort((a, b) => a - b)).toEqual([earlier.sequence + 2, earlier.sequence + 3]);
    const reasonOf = (answer: PromiseSettledResult<unknown> | undefined) =>
      Promise.reject((answer as PromiseRejectedResult).reason);
    expect(await refusal(reasonOf(outsider))).toMatchObject({ code: "NOT_FOUND" });
    expect(await refusal(reasonOf(revoked))).toMatchObject({ spoolCode: "TOKEN_INVALID" });
    expect(await api.db.message.count({ where: { threadId: first.id } })).toBe(4);
  });

  it("keep two tries of one send apart, so the second answers with the first", async () => {
    const [ann] = await api.users(1, "Twice");
    const { thread } = await ann.api.thread.create({ kind: "group", topic: "Twice" });
    const send = () =>
      ann.api.message.send({ threadId: thread.id, content: "once", clientMessageId: "twice" });
    let both: unknown[] = [];
    const statements = await api.statementsOf(async () => {
      both = await Promise.all([send(), send()]);
    });
    expect(statements.filter(isSend)).toHaveLength(2);
    expect(both[1]).toEqual(both[0]);
    expect(await api.db.message.count({ where: { threadId: thread.id } })).toBe(1);
  });

  it("are stored one by one when their shared statement fails, so only the failing one fails", async () => {
    const [ann, ben] = await api.users(2, "Fault");
    const { thread } = await ann.api.thread.create({
      kind: "group",
      topic: "Fault",
      memberIds: [ben.id],
    });
    // The database refuses the first statement that carries more than one send.
    let failed = 0;
    const faulty: SqlClient = {
      connections: api.deps.sql.connections,
      query(name, statement) {
        const sends = JSON.parse(String(statement.values[0])) as unknown[];
        if (sends.length > 1 && failed++ === 0) {
          return Promise.reject(new Error("connection reset"));
        }
        return api.deps.sql.query(name, statement);
      },
    };
    const as = (userId: string) =>
      createCaller({
        deps: { ...api.deps, sql: faulty },
        actor: { kind: "user", user: { userId, scopes: ["chat"] } },
      });
    const sent = await Promise.all(
      [ann, ben, ann, ben].map((user, index) =>
        as(user.id).message.send({ threadId: thread.id, content: `m${index}` }),
      ),
    );
    expect(failed).toBe(1);
    expect(sent.map((message) => message.sequence).sort((a, b) => a - b)).toEqual([1, 2, 3, 4]);
    expect(await api.db.message.count({ where: { threadId: thread.id } })).toBe(4);
  });
});
