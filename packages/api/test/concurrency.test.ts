import { testDatabaseKinds } from "@spool/db/testing";
import { describe, expect, it } from "vitest";
import { refusal, useApi } from "./support/harness";

describe.each(testDatabaseKinds)("concurrent changes on %s", (kind) => {
  const api = useApi(kind);

  it("gives 100 parallel sends into one thread the sequences 1..100, no gap, no duplicate", async () => {
    // Ten senders with ten messages each: within the per-user rate limit, all at once.
    const senders = await api.users(10, "Burst");
    const { thread } = await senders[0]!.api.thread.create({
      kind: "group",
      topic: "Burst",
      memberIds: senders.slice(1).map((s) => s.id),
    });

    const sent = await Promise.all(
      senders.flatMap((sender) =>
        Array.from({ length: 10 }, (_, i) =>
          sender.api.message.send({ threadId: thread.id, content: `${sender.name} #${i}` }),
        ),
      ),
    );

    expect(sent.map((m) => m.sequence).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 100 }, (_, i) => i + 1),
    );
    const stored = await api.db.message.findMany({
      where: { threadId: thread.id },
      orderBy: { sequence: "asc" },
    });
    expect(stored.map((m) => m.sequence)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect((await senders[0]!.api.thread.get({ threadId: thread.id })).lastSequence).toBe(100);
  });

  it("stores one message for 10 parallel retries of one clientMessageId", async () => {
    const [ann, ben] = await api.users(2, "Retry");
    const { thread } = await ann.api.thread.create({
      kind: "group",
      topic: "Retry",
      memberIds: [ben.id],
    });

    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        ann.api.message.send({
          threadId: thread.id,
          content: "exactly once",
          clientMessageId: "retry-1",
        }),
      ),
    );

    expect(new Set(results.map((m) => m.id)).size).toBe(1);
    expect(results.every((m) => m.sequence === 1)).toBe(true);
    expect(await api.db.message.count({ where: { threadId: thread.id } })).toBe(1);
    // The racing transactions gave their sequences back: the next message is 2.
    const next = await ben.api.message.send({ threadId: thread.id, content: "next" });
    expect(next.sequence).toBe(2);
  });

  it("creates one 1:1 thread when both sides start it at the same moment", async () => {
    const [ann, ben] = await api.users(2, "Race");
    const [a, b] = await Promise.all([
      ann.api.thread.create({ kind: "direct", userId: ben.id }),
      ben.api.thread.create({ kind: "direct", userId: ann.id }),
    ]);
    expect(a.thread.id).toBe(b.thread.id);
    expect([a.created, b.created].sort()).toEqual([false, true]);
  });

  it("adds a person once when two adds of them run at the same moment", async () => {
    const [owner, guest] = await api.users(2, "AddRace");
    const { thread } = await owner.api.thread.create({ kind: "group", topic: "Race" });
    const adds = await Promise.all(
      [1, 2, 3].map(() => owner.api.member.add({ threadId: thread.id, userIds: [guest.id] })),
    );
    expect(adds.map((add) => add.addedUserIds).flat()).toEqual([guest.id]);
    const members = await owner.api.member.list({ threadId: thread.id });
    expect(members.map((member) => member.userId).sort()).toEqual([owner.id, guest.id].sort());
  });

  it("records each of five renames at once as replacing the topic the one before it set", async () => {
    const [owner] = await api.users(1, "Rename");
    const { thread } = await owner.api.thread.create({ kind: "group", topic: "Start" });
    await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        owner.api.thread.updateTopic({ threadId: thread.id, topic: `T${n}` }),
      ),
    );
    const renames = await api.db.activity.findMany({
      where: { message: { threadId: thread.id, type: "topic_updated" } },
      orderBy: { message: { sequence: "asc" } },
    });
    expect(renames).toHaveLength(5);
    expect(renames.map((r) => r.oldTopic)).toEqual([
      "Start",
      ...renames.slice(0, -1).map((r) => r.newTopic),
    ]);
  });
});

async function waitUntil(condition: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 20));
}

// PGlite runs one statement at a time, so only PostgreSQL can interleave these.
describe.each(testDatabaseKinds.filter((kind) => kind === "postgres"))(
  "a send and a removal at the same moment on %s",
  (kind) => {
    const api = useApi(kind);

    it("refuses a send that waited for the thread behind its sender's removal", async () => {
      const [owner, ben] = await api.users(2, "Removed");
      const { thread } = await owner.api.thread.create({
        kind: "group",
        topic: "Removed",
        memberIds: [ben.id],
      });
      const threadId = thread.id;
      let release = () => {};
      let holder = 0;
      // Someone else holds the thread's lock, so that the removal and the send queue for it in
      // this order: the send starts while Ben is still a member and gets the lock after his
      // removal committed.
      const holding = api.db.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT 1 FROM "Thread" WHERE id = ${threadId}::uuid FOR UPDATE`;
        const [me] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
        holder = me!.pid;
        await new Promise<void>((resolve) => (release = resolve));
      });
      await waitUntil(() => holder !== 0);
      const removal = owner.api.member.remove({ threadId, userId: ben.id });
      await waitUntil(async () => (await waitingBehind(holder)) === 1);
      const send = refusal(ben.api.message.send({ threadId, content: "too late" }));
      await waitUntil(async () => (await waitingBehind(holder)) === 2);
      release();
      await holding;
      await removal;

      expect(await send).toMatchObject({ spoolCode: "THREAD_NOT_FOUND" });
      const history = await api.db.message.findMany({ where: { threadId } });
      expect(history.map((entry) => entry.type)).toEqual(["member_removed"]);
    });

    /** How many connections wait for `pid`, directly or behind another that does. */
    async function waitingBehind(pid: number): Promise<number> {
      const [row] = await api.db.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS count FROM pg_stat_activity a
       WHERE ${pid}::int = ANY (pg_blocking_pids(a.pid))
          OR EXISTS (SELECT 1 FROM pg_stat_activity b
                      WHERE ${pid}::int = ANY (pg_blocking_pids(b.pid))
                        AND b.pid = ANY (pg_blocking_pids(a.pid)))`;
      return row!.count;
    }
  },
);
