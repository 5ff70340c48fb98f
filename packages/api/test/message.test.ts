import { testDatabaseKinds } from "@spool/db/testing";
import { describe, expect, it } from "vitest";
import { refusal, useApi, type TestUser } from "./support/harness";

describe.each(testDatabaseKinds)("messages on %s", (kind) => {
  const api = useApi(kind);

  async function pair(prefix: string): Promise<[TestUser, TestUser, string]> {
    const [ann, ben] = await api.users(2, prefix);
    const { thread } = await ann.api.thread.create({
      kind: "group",
      topic: prefix,
      memberIds: [ben.id],
    });
    return [ann, ben, thread.id];
  }

  it("stores a message with a server id, arrival time, version 1 and the next sequence", async () => {
    const [ann, , threadId] = await pair("Send");
    const before = Date.now();
    const mark = api.changes.changes.length;

    const first = await ann.api.message.send({
      threadId,
      content: "Hello 👋",
      metadata: { ticket: "T-1" },
    });
    const second = await ann.api.message.send({
      threadId,
      content: "<b>bold</b>",
      type: "html",
      priority: "high",
    });

    expect(first).toMatchObject({
      threadId,
      sequence: 1,
      version: 1,
      type: "text",
      priority: "normal",
      content: "Hello 👋",
      senderId: ann.id,
      metadata: { ticket: "T-1" },
      editedAt: null,
      deletedAt: null,
    });
    expect(first.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(second).toMatchObject({ sequence: 2, priority: "high", content: "<b>bold</b>" });
    expect(api.changesSince(mark).map((c) => [c.type, "sequence" in c && c.sequence])).toEqual([
      ["message.created", 1],
      ["message.created", 2],
    ]);
  });

  it("returns the original for a retry with the same clientMessageId, never a copy", async () => {
    const [ann, , threadId] = await pair("Retry");
    const original = await ann.api.message.send({
      threadId,
      content: "once",
      clientMessageId: "c-42",
    });
    const mark = api.changes.changes.length;

    const retry = await ann.api.message.send({
      threadId,
      content: "once",
      clientMessageId: "c-42",
    });

    expect(retry).toEqual(original);
    expect(await api.db.message.count({ where: { threadId } })).toBe(1);
    expect(api.changesSince(mark)).toEqual([]);
  });

  it("sanitises html and refuses content that is too large, blank or badly typed", async () => {
    const [ann, , threadId] = await pair("Content");
    const html = await ann.api.message.send({
      threadId,
      type: "html",
      content: `<p onclick="steal()">Hi <script>alert(1)</script><a href="javascript:x()">x</a> <a href="https://spool.chat">ok</a><img src=x onerror=y></p>`,
    });
    const safe = `rel="noopener noreferrer nofollow" target="_blank"`;
    expect(html.content).toBe(
      `<p>Hi <a ${safe}>x</a> <a href="https://spool.chat" ${safe}>ok</a></p>`,
    );

    const huge = "é".repeat(15_000); // 30,000 bytes in 15,000 characters
    expect(await refusal(ann.api.message.send({ threadId, content: huge }))).toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      spoolCode: "CONTENT_TOO_LARGE",
      message: "content is 30000 bytes of UTF-8; the limit is 28672 (28 KB).",
    });
    expect((await refusal(ann.api.message.send({ threadId, content: "   " }))).spoolCode).toBe(
      "CONTENT_EMPTY",
    );
    expect(
      (
        await refusal(
          ann.api.message.send({ threadId, type: "html", content: "<script>x</script>" }),
        )
      ).spoolCode,
    ).toBe("CONTENT_EMPTY");
    expect(
      await refusal(ann.api.message.send({ threadId, content: "x", priority: "urgent" as "high" })),
    ).toMatchObject({
      spoolCode: "INVALID_INPUT",
      message: "priority: priority must be 'normal' or 'high'",
    });
    const metadata = Object.fromEntries(
      Array.from({ length: 5 }, (_, i) => [`k${i}`, "v".repeat(1000)]),
    );
    expect(await refusal(ann.api.message.send({ threadId, content: "x", metadata }))).toMatchObject(
      {
        code: "PAYLOAD_TOO_LARGE",
        spoolCode: "METADATA_TOO_LARGE",
      },
    );
    expect(await api.db.message.count({ where: { threadId } })).toBe(1);
  });

  it("edits own messages only: same id, next version, editedAt, and a new change sequence", async () => {
    const [ann, ben, threadId] = await pair("Edit");
    const sent = await ann.api.message.send({ threadId, content: "teh plan" });
    await ben.api.message.send({ threadId, content: "?" });

    const edited = await ann.api.message.edit({ messageId: sent.id, content: "the plan" });

    expect(edited).toMatchObject({
      id: sent.id,
      sequence: 1,
      changeSequence: 3,
      version: 2,
      content: "the plan",
    });
    expect(edited.editedAt).toBeInstanceOf(Date);
    expect(
      await refusal(ben.api.message.edit({ messageId: sent.id, content: "hacked" })),
    ).toMatchObject({
      code: "FORBIDDEN",
      spoolCode: "NOT_AUTHOR",
    });
    expect((await ann.api.message.get({ messageId: sent.id })).content).toBe("the plan");
  });

  it("deletes own messages into a tombstone that keeps its place in history", async () => {
    const [ann, ben, threadId] = await pair("Delete");
    const sent = await ann.api.message.send({ threadId, content: "secret", metadata: { a: "b" } });
    await ben.api.reaction.add({ messageId: sent.id, emoji: "😮" });

    expect((await refusal(ben.api.message.delete({ messageId: sent.id }))).spoolCode).toBe(
      "NOT_AUTHOR",
    );
    const tombstone = await ann.api.message.delete({ messageId: sent.id });
    const again = await ann.api.message.delete({ messageId: sent.id });

    expect(tombstone).toMatchObject({
      id: sent.id,
      sequence: 1,
      content: "",
      metadata: null,
      version: 2,
      reactions: [],
    });
    expect(tombstone.deletedAt).toBeInstanceOf(Date);
    expect(again).toMatchObject({ version: 2 });
    const { items } = await ben.api.message.list({ threadId });
    expect(items.map((m) => [m.id, m.content, m.deletedAt !== null])).toEqual([
      [sent.id, "", true],
    ]);
    expect(
      (await refusal(ann.api.message.edit({ messageId: sent.id, content: "back" }))).spoolCode,
    ).toBe("MESSAGE_DELETED");
  });

  it("pages back through history and catches up on everything changed after N", async () => {
    const [ann, ben, threadId] = await pair("Pages");
    const sent = [];
    for (let i = 1; i <= 7; i++)
      sent.push(await (i % 2 ? ann : ben).api.message.send({ threadId, content: `m${i}` }));

    const newest = await ben.api.message.list({ threadId, limit: 3 });
    expect(newest.items.map((m) => m.content)).toEqual(["m5", "m6", "m7"]);
    expect(newest.threadSequence).toBe(7);
    const older = await ben.api.message.list({ threadId, limit: 3, before: newest.nextCursor! });
    expect(older.items.map((m) => m.content)).toEqual(["m2", "m3", "m4"]);
    const oldest = await ben.api.message.list({ threadId, limit: 3, before: older.nextCursor! });
    expect(oldest).toMatchObject({
      items: [expect.objectContaining({ content: "m1" })],
      nextCursor: null,
    });

    // A client that saw up to sequence 5 reconnects after an edit of m2 and a new m8.
    await ben.api.message.edit({ messageId: sent[1]!.id, content: "m2 (edited)" });
    await ann.api.message.send({ threadId, content: "m8" });
    const catchUp = await ben.api.message.list({ threadId, after: 5, limit: 2 });
    expect(catchUp.items.map((m) => m.content)).toEqual(["m6", "m7"]);
    const rest = await ben.api.message.list({ threadId, after: catchUp.nextCursor!, limit: 2 });
    expect(rest.items.map((m) => [m.content, m.changeSequence])).toEqual([
      ["m2 (edited)", 8],
      ["m8", 9],
    ]);
    expect(rest.nextCursor).toBeNull();
    expect((await refusal(ben.api.message.list({ threadId, after: 1, before: 3 }))).message).toBe(
      "input: give either after or before, not both",
    );
    expect((await refusal(ben.api.message.list({ threadId, limit: 201 }))).message).toBe(
      "limit: at most 200 per page",
    );
  });

  it("interleaves activities with messages in sequence order", async () => {
    const [ann, ben, threadId] = await pair("Interleave");
    const cat = await api.user("Cat");
    await ann.api.message.send({ threadId, content: "before" });
    await ann.api.member.add({ threadId, userIds: [cat.id] });
    await ben.api.message.send({ threadId, content: "after" });

    const { items } = await cat.api.message.list({ threadId });

    expect(items.map((m) => [m.sequence, m.type, m.content])).toEqual([
      [1, "text", "before"],
      [2, "member_added", ""],
      [3, "text", "after"],
    ]);
    expect(items[1]!.activity).toEqual({
      actorId: ann.id,
      targetUserIds: [cat.id],
      oldTopic: null,
      newTopic: null,
    });
  });
});
