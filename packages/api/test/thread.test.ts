import { testDatabaseKinds } from "@spool/db/testing";
import { describe, expect, it } from "vitest";
import { refusal, useApi } from "./support/harness";

describe.each(testDatabaseKinds)("threads on %s", (kind) => {
  const api = useApi(kind);

  it("creates a group with the caller as owner and announces it to every member", async () => {
    const [ann, ben, cat] = await api.users(3, "Group");
    const mark = api.changes.changes.length;

    const { thread, created } = await ann.api.thread.create({
      kind: "group",
      topic: "  Quarterly planning ",
      memberIds: [ben.id, cat.id],
    });

    expect(created).toBe(true);
    expect(thread).toMatchObject({
      kind: "group",
      topic: "Quarterly planning",
      memberCount: 3,
      lastSequence: 0,
    });
    const members = await ben.api.member.list({ threadId: thread.id });
    expect(members.find((m) => m.userId === ann.id)?.role).toBe("owner");
    expect(members.filter((m) => m.role === "member")).toHaveLength(2);
    expect(api.changesSince(mark)).toEqual([
      expect.objectContaining({
        type: "thread.created",
        memberIds: expect.arrayContaining([ann.id, ben.id, cat.id]),
      }),
    ]);
  });

  it("returns the existing 1:1 thread when either side asks again", async () => {
    const [ann, ben] = await api.users(2, "Direct");

    const first = await ann.api.thread.create({ kind: "direct", userId: ben.id });
    const again = await ben.api.thread.create({ kind: "direct", userId: ann.id });

    expect(first.created).toBe(true);
    expect(again).toEqual({ thread: first.thread, created: false });
  });

  it("refuses a 1:1 with yourself and members that do not exist", async () => {
    const ann = await api.user("Solo");
    expect(await refusal(ann.api.thread.create({ kind: "direct", userId: ann.id }))).toMatchObject({
      code: "BAD_REQUEST",
      message: "A 1:1 thread needs another user than yourself.",
    });
    const ghost = "01900000-0000-7000-8000-000000000000";
    expect(
      await refusal(ann.api.thread.create({ kind: "group", topic: "x", memberIds: [ghost] })),
    ).toMatchObject({
      code: "NOT_FOUND",
      spoolCode: "USER_NOT_FOUND",
      message: `No user with id ${ghost}.`,
    });
  });

  it("says what is wrong with bad input", async () => {
    const ann = await api.user("Input");
    const tooLong = await refusal(
      ann.api.thread.create({ kind: "group", topic: "t".repeat(257), memberIds: [] }),
    );
    expect(tooLong).toMatchObject({
      code: "BAD_REQUEST",
      spoolCode: "INVALID_INPUT",
      message: "topic: a topic has at most 256 characters",
    });
    const badId = await refusal(ann.api.thread.get({ threadId: "not-an-id" }));
    expect(badId.message).toBe("threadId: threadId must be an id (a UUID)");
  });

  it("lists the caller's threads by last activity with previews, unread counts and paging", async () => {
    const [ann, ben] = await api.users(2, "List");
    const quiet = (
      await ann.api.thread.create({ kind: "group", topic: "Quiet", memberIds: [ben.id] })
    ).thread;
    const busy = (
      await ann.api.thread.create({ kind: "group", topic: "Busy", memberIds: [ben.id] })
    ).thread;
    const direct = (await ann.api.thread.create({ kind: "direct", userId: ben.id })).thread;
    await ben.api.message.send({ threadId: busy.id, content: "first" });
    await ben.api.message.send({ threadId: busy.id, content: "urgent!", priority: "high" });
    await ann.api.message.send({ threadId: direct.id, content: "mine" });
    await ben.api.message.send({ threadId: quiet.id, content: "latest" });

    const page1 = await ann.api.thread.list({ limit: 2 });
    expect(page1.items.map((t) => t.id)).toEqual([quiet.id, direct.id]);
    expect(page1.items[0]).toMatchObject({ unreadCount: 1, lastMessage: { content: "latest" } });
    expect(page1.items[1]).toMatchObject({ unreadCount: 0, lastMessage: { content: "mine" } });
    const page2 = await ann.api.thread.list({ limit: 2, cursor: page1.nextCursor! });
    expect(page2.items.map((t) => t.id)).toEqual([busy.id]);
    expect(page2.items[0]).toMatchObject({
      unreadCount: 2,
      unreadHighPriorityCount: 1,
      memberCount: 2,
    });
    expect(page2.nextCursor).toBeNull();

    const filtered = await ann.api.thread.list({ topic: "bus" });
    expect(filtered.items.map((t) => t.id)).toEqual([busy.id]);
    expect((await refusal(ann.api.thread.list({ cursor: "garbage" }))).spoolCode).toBe(
      "INVALID_INPUT",
    );
  });

  it("records a topic change in the history and announces it", async () => {
    const [ann, ben] = await api.users(2, "Topic");
    const { thread } = await ann.api.thread.create({
      kind: "group",
      topic: "Old",
      memberIds: [ben.id],
    });
    const mark = api.changes.changes.length;

    const updated = await ben.api.thread.updateTopic({ threadId: thread.id, topic: "New" });

    expect(updated).toMatchObject({ topic: "New", lastSequence: 1 });
    const { items } = await ann.api.message.list({ threadId: thread.id });
    expect(items).toEqual([
      expect.objectContaining({
        type: "topic_updated",
        sequence: 1,
        senderId: ben.id,
        activity: { actorId: ben.id, targetUserIds: [], oldTopic: "Old", newTopic: "New" },
      }),
    ]);
    expect(api.changesSince(mark)).toEqual([
      expect.objectContaining({
        type: "thread.updated",
        threadId: thread.id,
        sequence: 1,
        topic: "New",
      }),
    ]);
    // The same topic again changes nothing.
    await ben.api.thread.updateTopic({ threadId: thread.id, topic: "New" });
    expect((await ann.api.thread.get({ threadId: thread.id })).lastSequence).toBe(1);
  });

  it("lets the owner delete a thread, erasing it for every member", async () => {
    const [ann, ben] = await api.users(2, "Delete");
    const { thread } = await ann.api.thread.create({
      kind: "group",
      topic: "Gone",
      memberIds: [ben.id],
    });
    const sent = await ben.api.message.send({ threadId: thread.id, content: "bye" });

    expect(await refusal(ben.api.thread.delete({ threadId: thread.id }))).toMatchObject({
      code: "FORBIDDEN",
      spoolCode: "NOT_OWNER",
    });
    await ann.api.thread.delete({ threadId: thread.id });

    expect((await refusal(ben.api.thread.get({ threadId: thread.id }))).spoolCode).toBe(
      "THREAD_NOT_FOUND",
    );
    expect((await ben.api.thread.list({})).items).toEqual([]);
    expect(await api.db.message.findUnique({ where: { id: sent.id } })).toBeNull();
  });

  it("exports the whole visible history as JSON", async () => {
    const [ann, ben] = await api.users(2, "Export");
    const { thread } = await ann.api.thread.create({
      kind: "group",
      topic: "Archive",
      memberIds: [ben.id],
    });
    await ann.api.message.send({ threadId: thread.id, content: "one" });
    const two = await ben.api.message.send({ threadId: thread.id, content: "two" });
    await ann.api.reaction.add({ messageId: two.id, emoji: "👍" });

    const exported = await ben.api.thread.export({ threadId: thread.id });

    expect(exported.thread).toMatchObject({ id: thread.id, topic: "Archive" });
    expect(exported.members.map((m) => m.name).sort()).toEqual(["Export0", "Export1"]);
    expect(exported.history.map((m) => [m.sequence, m.content])).toEqual([
      [1, "one"],
      [2, "two"],
    ]);
    expect(exported.history[1]!.reactions).toEqual([{ emoji: "👍", count: 1, reactedByMe: false }]);
    expect(JSON.parse(JSON.stringify(exported)).history).toHaveLength(2);
  });
});
