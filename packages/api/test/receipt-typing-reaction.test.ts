import { testDatabaseKinds } from "@spool/db/testing";
import { describe, expect, it } from "vitest";
import { refusal, useApi } from "./support/harness";

describe.each(testDatabaseKinds)("receipts, typing and reactions on %s", (kind) => {
  const api = useApi(kind);

  async function group(prefix: string) {
    const [ann, ben, cat] = await api.users(3, prefix);
    const { thread } = await ann.api.thread.create({
      kind: "group",
      topic: prefix,
      memberIds: [ben.id, cat.id],
    });
    return { ann: ann, ben: ben, cat: cat, threadId: thread.id };
  }

  it("moves read horizons forward only and lists every member's", async () => {
    const { ann, ben, cat, threadId } = await group("Read");
    const first = await ann.api.message.send({ threadId, content: "one" });
    const second = await ann.api.message.send({ threadId, content: "two" });
    const mark = api.changes.changes.length;

    const moved = await ben.api.receipt.markRead({ threadId, sequence: 2 });
    const notBack = await ben.api.receipt.markRead({ threadId, sequence: 1 });
    const clamped = await cat.api.receipt.markRead({ threadId, sequence: 99 });

    expect(moved.lastReadSequence).toBe(2);
    expect(notBack).toEqual(moved);
    expect(clamped.lastReadSequence).toBe(2);
    const receipts = await ann.api.receipt.list({ threadId });
    expect(receipts.find((r) => r.userId === ben.id)).toMatchObject({
      lastReadSequence: 2,
      lastReadMessageId: second.id,
      readAt: moved.lastReadAt,
    });
    expect(receipts.find((r) => r.userId === ann.id)).toMatchObject({
      lastReadSequence: 0,
      lastReadMessageId: null,
    });
    expect(api.changesSince(mark).map((c) => c.type)).toEqual(["read-receipt", "read-receipt"]);
    expect((await ben.api.thread.list({})).items[0]!.unreadCount).toBe(0);
    expect(first.sequence).toBe(1);
  });

  it("announces typing without storing it, within its rate limit", async () => {
    const { ann, ben, threadId } = await group("Typing");
    const mark = api.changes.changes.length;

    await ben.api.typing.notify({ threadId });

    expect(api.changesSince(mark)).toEqual([
      { type: "typing", threadId, sequence: 0, channelEpoch: 0, userId: ben.id, name: ben.name },
    ]);
    for (let i = 0; i < 4; i++) await ben.api.typing.notify({ threadId });
    const limited = await refusal(ben.api.typing.notify({ threadId }));
    expect(limited).toMatchObject({ code: "TOO_MANY_REQUESTS", spoolCode: "RATE_LIMITED" });
    expect(limited.message).toMatch(
      /^Too many typing notifications in one thread: at most 5 every 10 s/,
    );
    expect(limited.data.retryAfterMs).toBeGreaterThan(0);
    await ann.api.typing.notify({ threadId }); // another user has limits of their own
  });

  it("adds and removes reactions idempotently, with counts and the caller's own", async () => {
    const { ann, ben, cat, threadId } = await group("React");
    const message = await ann.api.message.send({ threadId, content: "ship it?" });
    const mark = api.changes.changes.length;

    await ben.api.reaction.add({ messageId: message.id, emoji: "👍" });
    await ben.api.reaction.add({ messageId: message.id, emoji: "👍" });
    await cat.api.reaction.add({ messageId: message.id, emoji: "👍" });
    await cat.api.reaction.add({ messageId: message.id, emoji: "👨‍👩‍👧" });

    expect(await ben.api.reaction.list({ messageId: message.id })).toEqual([
      { emoji: "👍", count: 2, reactedByMe: true },
      { emoji: "👨‍👩‍👧", count: 1, reactedByMe: false },
    ]);
    expect(await cat.api.reaction.remove({ messageId: message.id, emoji: "👍" })).toEqual({
      messageId: message.id,
      emoji: "👍",
      count: 1,
      reactedByMe: false,
    });
    expect(
      api
        .changesSince(mark)
        .map((c) => c.type === "reaction.changed" && [c.emoji, c.count, c.added]),
    ).toEqual([
      ["👍", 1, true],
      ["👍", 2, true],
      ["👨‍👩‍👧", 1, true],
      ["👍", 1, false],
    ]);
    const { items } = await ann.api.message.list({ threadId, after: 1 });
    expect(items[0]!.reactions).toEqual([
      { emoji: "👍", count: 1, reactedByMe: false },
      { emoji: "👨‍👩‍👧", count: 1, reactedByMe: false },
    ]);
  });

  it("accepts exactly one emoji and at most 20 different ones per message", async () => {
    const { ann, ben, threadId } = await group("Emoji");
    const message = await ann.api.message.send({ threadId, content: "vote" });
    for (const bad of ["", "a", "👍👍", ":)", "👍 "]) {
      expect(
        await refusal(ben.api.reaction.add({ messageId: message.id, emoji: bad })),
      ).toMatchObject({
        spoolCode: "INVALID_INPUT",
      });
    }
    const twenty = [
      "😀",
      "😁",
      "😂",
      "🤣",
      "😃",
      "😄",
      "😅",
      "😆",
      "😉",
      "😊",
      "😋",
      "😎",
      "😍",
      "😘",
      "🥰",
      "😗",
      "😙",
      "😚",
      "🙂",
      "🤗",
    ];
    for (const emoji of twenty) await ben.api.reaction.add({ messageId: message.id, emoji });
    expect(
      await refusal(ann.api.reaction.add({ messageId: message.id, emoji: "🤩" })),
    ).toMatchObject({
      spoolCode: "REACTION_LIMIT",
    });
    await ann.api.reaction.add({ messageId: message.id, emoji: "😀" });
    expect((await ann.api.reaction.list({ messageId: message.id }))[0]).toEqual({
      emoji: "😀",
      count: 2,
      reactedByMe: true,
    });
  });

  it("limits sends to 10 per 10 s per user per thread, saying when to retry", async () => {
    const { ann, ben, threadId } = await group("Rate");
    for (let i = 0; i < 10; i++) {
      await ann.api.message.send({
        threadId,
        content: `burst ${i}`,
        clientMessageId: `burst-${i}`,
      });
    }
    const limited = await refusal(ann.api.message.send({ threadId, content: "one too many" }));
    expect(limited).toMatchObject({ code: "TOO_MANY_REQUESTS", spoolCode: "RATE_LIMITED" });
    expect(limited.message).toMatch(/at most 10 every 10 s\. Try again in \d+ s\./);
    // A retry of a stored message is not a new send, and others are not held back.
    expect(
      await ann.api.message.send({ threadId, content: "burst 0", clientMessageId: "burst-0" }),
    ).toMatchObject({
      sequence: 1,
    });
    await ben.api.message.send({ threadId, content: "me too" });
  });
});
