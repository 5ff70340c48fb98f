import { testDatabaseKinds } from "@spool/db/testing";
import { describe, expect, it } from "vitest";
import { refusal, useApi } from "./support/harness";

describe.each(testDatabaseKinds)("members on %s", (kind) => {
  const api = useApi(kind);

  it("adds members with an activity; new members see the thread and existing ones are skipped", async () => {
    const [ann, ben, cat, dan] = await api.users(4, "Add");
    const { thread } = await ann.api.thread.create({
      kind: "group",
      topic: "Team",
      memberIds: [ben.id],
    });
    const mark = api.changes.changes.length;

    const result = await ben.api.member.add({
      threadId: thread.id,
      userIds: [cat.id, dan.id, ann.id],
    });

    expect(result.addedUserIds.sort()).toEqual([cat.id, dan.id].sort());
    expect(result.activity).toMatchObject({ type: "member_added", sequence: 1, senderId: ben.id });
    expect((await cat.api.thread.list({})).items.map((t) => t.id)).toEqual([thread.id]);
    expect(api.changesSince(mark)).toEqual([
      expect.objectContaining({ type: "member.added", threadId: thread.id, sequence: 1 }),
    ]);
    const again = await ben.api.member.add({ threadId: thread.id, userIds: [cat.id] });
    expect(again).toEqual({ addedUserIds: [], activity: null });
  });

  it("hides history before shareHistoryTime from a new member", async () => {
    const [ann, ben] = await api.users(2, "History");
    const { thread } = await ann.api.thread.create({
      kind: "group",
      topic: "Old news",
      memberIds: [],
    });
    const hidden = await ann.api.message.send({ threadId: thread.id, content: "before ben" });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await ann.api.member.add({
      threadId: thread.id,
      userIds: [ben.id],
      shareHistoryTime: new Date(),
    });
    await ann.api.message.send({ threadId: thread.id, content: "after ben" });

    const { items } = await ben.api.message.list({ threadId: thread.id });
    expect(items.map((m) => (m.type === "text" ? m.content : m.type))).toEqual([
      "member_added",
      "after ben",
    ]);
    expect((await refusal(ben.api.message.get({ messageId: hidden.id }))).spoolCode).toBe(
      "MESSAGE_NOT_FOUND",
    );
    const [listed] = (await ben.api.thread.list({})).items;
    expect(listed).toMatchObject({ unreadCount: 1, lastMessage: { content: "after ben" } });
  });

  it("keeps to the limits: 200 per call and 250 per thread", async () => {
    const ann = await api.user("Limits");
    const { thread } = await ann.api.thread.create({ kind: "group", topic: "Big", memberIds: [] });
    const ids = Array.from(
      { length: 201 },
      (_, i) => `01900000-0000-7000-8000-${String(i).padStart(12, "0")}`,
    );
    expect(await refusal(ann.api.member.add({ threadId: thread.id, userIds: ids }))).toMatchObject({
      spoolCode: "INVALID_INPUT",
      message: "userIds: at most 200 users per call",
    });

    const many = await api.db.user.createManyAndReturn({
      data: Array.from({ length: 250 }, (_, i) => ({ name: `Crowd ${i}` })),
      select: { id: true },
    });
    await ann.api.member.add({ threadId: thread.id, userIds: many.slice(0, 200).map((u) => u.id) });
    expect(
      await refusal(
        ann.api.member.add({ threadId: thread.id, userIds: many.slice(200).map((u) => u.id) }),
      ),
    ).toMatchObject({
      code: "BAD_REQUEST",
      spoolCode: "MEMBER_LIMIT",
      message: "The thread has 201 members; adding 50 would pass the limit of 250.",
    });
  });

  it("lets the owner remove a member, whose access ends at once", async () => {
    const [ann, ben, cat] = await api.users(3, "Remove");
    const { thread } = await ann.api.thread.create({
      kind: "group",
      topic: "Tight",
      memberIds: [ben.id, cat.id],
    });
    const mark = api.changes.changes.length;

    expect(
      (await refusal(cat.api.member.remove({ threadId: thread.id, userId: ben.id }))).spoolCode,
    ).toBe("NOT_OWNER");
    const activity = (await ann.api.member.remove({ threadId: thread.id, userId: ben.id }))
      .activity!;

    expect(activity).toMatchObject({
      type: "member_removed",
      activity: { targetUserIds: [ben.id] },
    });
    expect((await refusal(ben.api.message.list({ threadId: thread.id }))).spoolCode).toBe(
      "THREAD_NOT_FOUND",
    );
    expect(
      (await refusal(ben.api.message.send({ threadId: thread.id, content: "hi?" }))).code,
    ).toBe("NOT_FOUND");
    expect((await ben.api.thread.list({})).items).toEqual([]);
    expect(api.changesSince(mark)).toEqual([
      expect.objectContaining({
        type: "member.removed",
        userIds: [ben.id],
        sequence: activity.sequence,
      }),
    ]);
    expect(
      (await refusal(ann.api.member.remove({ threadId: thread.id, userId: ben.id }))).spoolCode,
    ).toBe("NOT_A_MEMBER");
  });

  it("lets anyone leave; the longest-standing member takes over from a departing owner", async () => {
    const [ann, ben, cat] = await api.users(3, "Leave");
    const { thread } = await ann.api.thread.create({
      kind: "group",
      topic: "Handover",
      memberIds: [ben.id, cat.id],
    });

    await ann.api.member.leave({ threadId: thread.id });

    const members = await ben.api.member.list({ threadId: thread.id });
    expect(members.map((m) => m.userId).sort()).toEqual([ben.id, cat.id].sort());
    expect(members.filter((m) => m.role === "owner")).toHaveLength(1);
    const { items } = await cat.api.message.list({ threadId: thread.id });
    expect(items.at(-1)).toMatchObject({ type: "member_removed", senderId: ann.id });
  });

  it("deletes a group when its last member leaves, since nobody could read it again", async () => {
    const ann = await api.user("Last");
    const { thread } = await ann.api.thread.create({
      kind: "group",
      topic: "Alone",
      memberIds: [],
    });
    await ann.api.message.send({ threadId: thread.id, content: "echo" });

    expect(await ann.api.member.leave({ threadId: thread.id })).toEqual({ activity: null });

    expect(await api.db.thread.findUnique({ where: { id: thread.id } })).toBeNull();
    expect(await api.db.message.count({ where: { threadId: thread.id } })).toBe(0);
  });

  it("never lets a chat.join token erase a group by removing everyone and leaving", async () => {
    const [ann, ben, cat] = await api.users(3, "Join");
    const { thread } = await ann.api.thread.create({
      kind: "group",
      topic: "Kept",
      memberIds: [ben.id, cat.id],
    });
    await ann.api.message.send({ threadId: thread.id, content: "worth keeping" });
    const joinOnly = api.as(ann.id, ["chat_join"]);

    await joinOnly.member.remove({ threadId: thread.id, userId: ben.id });
    await joinOnly.member.remove({ threadId: thread.id, userId: cat.id });
    expect(await refusal(joinOnly.member.leave({ threadId: thread.id }))).toMatchObject({
      code: "FORBIDDEN",
      spoolCode: "SCOPE_REQUIRED",
      message: expect.stringContaining("leaving would delete the thread"),
    });

    expect(await api.db.thread.findUnique({ where: { id: thread.id } })).not.toBeNull();
    expect(await ann.api.member.list({ threadId: thread.id })).toMatchObject([{ userId: ann.id }]);
    expect(
      (await ann.api.message.list({ threadId: thread.id, limit: 50 })).items.map((m) => m.content),
    ).toContain("worth keeping");
  });

  it("keeps 1:1 threads at two members", async () => {
    const [ann, ben, cat] = await api.users(3, "Pair");
    const { thread } = await ann.api.thread.create({ kind: "direct", userId: ben.id });
    expect(
      await refusal(ann.api.member.add({ threadId: thread.id, userIds: [cat.id] })),
    ).toMatchObject({
      spoolCode: "DIRECT_THREAD",
    });
    expect((await refusal(ben.api.member.leave({ threadId: thread.id }))).spoolCode).toBe(
      "DIRECT_THREAD",
    );
  });
});
