import { eventNames, parseEvent, threadChannel, userChannel } from "@spool/realtime/contract";
import { describe, expect, it } from "vitest";
import { deliveriesFor } from "../../src/realtime/deliveries";
import { AutoTranslatingPublisher } from "../../src/translation/auto-translate";
import { useApi } from "../support/harness";

describe("what each change publishes", () => {
  const api = useApi("pglite");

  it("publishes every event of the contract, each matching its schema, to the right channels", async () => {
    // Callers keep the sink they were made with: the publisher comes before the users.
    const publisher = new AutoTranslatingPublisher(api.changes, api.deps);
    api.publishTo(publisher);
    const [ann, ben, cat] = await api.users(3, "Deliver");
    // Ben reads in Spanish, so a message is followed by its translation.
    await ben.api.user.updatePreferences({ language: "es", autoTranslate: true });
    const mark = api.changes.changes.length;
    const { thread } = await ann.api.thread.create({
      kind: "group",
      topic: "Wire",
      memberIds: [ben.id],
    });
    const threadId = thread.id;
    const sent = await ann.api.message.send({ threadId, content: "hello" });
    await ann.api.message.edit({ messageId: sent.id, content: "hello!" });
    // Translated while the thread still has its reader.
    await publisher.idle();
    await ben.api.reaction.add({ messageId: sent.id, emoji: "🎉" });
    await ben.api.typing.notify({ threadId });
    await ben.api.receipt.markRead({ threadId, sequence: 3 });
    await ann.api.thread.updateTopic({ threadId, topic: "Wired" });
    await ann.api.member.add({ threadId, userIds: [cat.id] });
    await ann.api.member.remove({ threadId, userId: cat.id });
    await ann.api.message.delete({ messageId: sent.id });
    await ann.api.thread.delete({ threadId });
    api.publishTo(api.changes);

    const deliveries = api.changesSince(mark).flatMap((change) => deliveriesFor(change));
    for (const { event, data } of deliveries) {
      expect(() => parseEvent(event, JSON.parse(data)), event).not.toThrow();
    }
    expect(new Set(deliveries.map((d) => d.event))).toEqual(new Set(eventNames));

    const to = (event: string) => deliveries.find((d) => d.event === event)!.channels;
    expect(to("thread.created")).toEqual([userChannel(ann.id), userChannel(ben.id)]);
    expect(to("message.created")).toEqual([
      threadChannel(threadId, 0),
      userChannel(ann.id),
      userChannel(ben.id),
    ]);
    expect(to("message.edited")).toEqual([threadChannel(threadId, 0)]);
    expect(to("member.added")).toEqual([threadChannel(threadId, 0), userChannel(cat.id)]);
    // The removal goes out on the channel the removed member still holds, and says where next.
    expect(to("member.removed")).toEqual([threadChannel(threadId, 0), userChannel(cat.id)]);
    // Every change after it goes to the thread's new channel only.
    expect(to("message.deleted")).toEqual([threadChannel(threadId, 1)]);
    expect(to("read-receipt")).toEqual([threadChannel(threadId, 0), userChannel(ben.id)]);
    expect(to("typing")).toEqual([threadChannel(threadId, 0)]);
    expect(to("message.translated")).toEqual([threadChannel(threadId, 0)]);

    const created = parseEvent(
      "message.created",
      JSON.parse(deliveries.find((d) => d.event === "message.created")!.data),
    );
    expect(created).toMatchObject({
      threadId,
      sequence: 1,
      messageId: sent.id,
      message: { content: "hello" },
    });
    expect(created.message!.createdAt).toBeInstanceOf(Date);
  });

  it("announces a message too large for Pusher's 10 KB by id alone", async () => {
    const [ann] = await api.users(1, "Large");
    const { thread } = await ann.api.thread.create({ kind: "group", topic: "Big", memberIds: [] });
    const mark = api.changes.changes.length;

    const big = await ann.api.message.send({ threadId: thread.id, content: "x".repeat(20_000) });

    const [delivery] = api.changesSince(mark).flatMap((change) => deliveriesFor(change));
    expect(Buffer.byteLength(delivery!.data)).toBeLessThan(10 * 1024);
    expect(parseEvent("message.created", JSON.parse(delivery!.data))).toEqual({
      threadId: thread.id,
      sequence: 1,
      messageId: big.id,
      message: null,
    });
  });
});
