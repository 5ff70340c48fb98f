import { describe, expect, it } from "vitest";
import { SpoolError, type Message } from "../src";
import { useSpool } from "./support/use-spool";

const ctx = useSpool();

const collect = async <T>(items: AsyncIterable<T>) => {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
};

describe("threads", () => {
  it("creates a group, retitles it, lists it first with its unread count and last message", async () => {
    const alice = await ctx.users.user("Alice");
    const bob = await ctx.users.user("Bob");
    const created = await alice.client.createThread({ topic: "Launch", memberIds: [bob.id] });
    const thread = alice.client.thread(created.id);
    await thread.send("hello Bob");
    expect((await thread.updateTopic("Launch day")).topic).toBe("Launch day");
    expect(await thread.get()).toMatchObject({ id: created.id, kind: "group", memberCount: 2 });

    const [first] = await collect(bob.client.threads());
    expect(first).toMatchObject({ id: created.id, topic: "Launch day", unreadCount: 1 });
    expect(first?.lastMessage?.content).toBe("hello Bob");
  });

  it("pages the thread list, latest activity first, filtered by topic", async () => {
    const carol = await ctx.users.user("Carol");
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await carol.client.createThread({ topic: `page ${i}` }));
    const pages = await collect(carol.client.threads({ pageSize: 2 }).byPage());
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
    expect(pages.flat().map((t) => t.id)).toEqual(made.map((t) => t.id).reverse());
    const filtered = await collect(carol.client.threads({ topic: "PAGE 3" }));
    expect(filtered.map((t) => t.id)).toEqual([made[3]!.id]);
  });

  it("makes the one direct thread with a user, the same one the second time", async () => {
    const dana = await ctx.users.user("Dana");
    const eric = await ctx.users.user("Eric");
    const first = await dana.client.createDirectThread(eric.id);
    const again = await eric.client.createDirectThread(dana.id);
    expect(again.id).toBe(first.id);
    expect(first.kind).toBe("direct");
  });

  it("adds, lists and removes members; leaving; deleting; exporting", async () => {
    const owner = await ctx.users.user("Owner");
    const [x, y, z] = [
      await ctx.users.user("X"),
      await ctx.users.user("Y"),
      await ctx.users.user("Z"),
    ];
    const { id } = await owner.client.createThread({ topic: "crew" });
    const thread = owner.client.thread(id);
    const added = await thread.addMembers([x.id, y.id, z.id]);
    expect(added.addedUserIds.sort()).toEqual([x.id, y.id, z.id].sort());
    expect((await thread.members()).map((m) => m.userId).sort()).toEqual(
      [owner.id, x.id, y.id, z.id].sort(),
    );
    await thread.removeMember(x.id);
    await y.client.thread(id).leave();
    const error = await x.client
      .thread(id)
      .get()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpoolError);
    expect(error).toMatchObject({ code: "THREAD_NOT_FOUND", status: 404 });

    await thread.send("for the record");
    const exported = await thread.export();
    expect(exported.thread.id).toBe(id);
    expect(exported.members.map((m) => m.userId).sort()).toEqual([owner.id, z.id].sort());
    expect(exported.history.some((entry) => entry.content === "for the record")).toBe(true);

    expect(await thread.delete()).toEqual({ deleted: true });
    await expect(z.client.thread(id).get()).rejects.toMatchObject({ code: "THREAD_NOT_FOUND" });
  });
});

describe("messages", () => {
  it("sends, edits, deletes; pages history both ways", async () => {
    const ann = await ctx.users.user("Ann");
    const { id } = await ann.client.createThread({ topic: "history" });
    const thread = ann.client.thread(id);
    const sent: Message[] = [];
    for (let i = 0; i < 7; i++)
      sent.push(await thread.send({ content: `m${i}`, priority: "high" }));
    expect(sent[0]).toMatchObject({ content: "m0", priority: "high", type: "text" });

    const edited = await thread.edit(sent[1]!.id, "m1, edited");
    expect(edited).toMatchObject({ content: "m1, edited", version: 2 });
    const deleted = await thread.deleteMessage(sent[2]!.id);
    expect(deleted.deletedAt).toBeInstanceOf(Date);
    expect(await thread.message(sent[1]!.id)).toMatchObject({ content: "m1, edited" });

    // Backwards from the latest, newest first, a page at a time.
    const backwards = await collect(thread.messages({ pageSize: 3 }));
    expect(backwards.map((m) => m.sequence)).toEqual(
      [...backwards.map((m) => m.sequence)].sort((a, b) => b - a),
    );
    expect(backwards.filter((m) => m.type === "text")).toHaveLength(7);
    const before = await collect(thread.messages({ before: sent[3]!.sequence }));
    expect(before.map((m) => m.id)).toEqual([sent[2]!.id, sent[1]!.id, sent[0]!.id]);

    // Forwards: every change after a sequence, oldest change first.
    const after = await collect(thread.messages({ after: sent[4]!.sequence, pageSize: 1 }));
    expect(after.map((m) => m.content)).toEqual(["m5", "m6", "m1, edited", ""]);
  });

  it("marks read, lists receipts, throttles typing, reacts and unreacts", async () => {
    let now = 1_000_000;
    const clock = { now: () => now, sleep: async () => {} };
    const bea = await ctx.users.user("Bea", { clock });
    const cid = await ctx.users.user("Cid");
    const { id } = await bea.client.createThread({ memberIds: [cid.id] });
    const message = await cid.client.thread(id).send("read me");
    const thread = bea.client.thread(id);

    expect(await thread.markRead(message)).toMatchObject({ lastReadSequence: message.sequence });
    const receipts = await thread.receipts();
    expect(receipts.find((r) => r.userId === bea.id)?.lastReadSequence).toBe(message.sequence);

    expect(await thread.typing()).toBe(true);
    expect(await thread.typing()).toBe(false); // within the interval: dropped here
    now += 3_000;
    expect(await thread.typing()).toBe(true);

    expect(await thread.react(message.id, "👍")).toMatchObject({ emoji: "👍", count: 1 });
    await cid.client.thread(id).react(message.id, "👍");
    expect(await thread.reactions(message.id)).toEqual([
      { emoji: "👍", count: 2, reactedByMe: true },
    ]);
    expect(await thread.unreact(message.id, "👍")).toMatchObject({ count: 1 });
  });

  it("refuses with the API's code, status, message and issues", async () => {
    const eve = await ctx.users.user("Eve");
    const { id } = await eve.client.createThread();
    const error = (await eve.client
      .thread(id)
      .send({ content: "x", priority: "urgent" as "high" })
      .catch((e: unknown) => e)) as SpoolError;
    expect(error).toBeInstanceOf(SpoolError);
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.status).toBe(400);
    expect(error.issues[0]).toMatchObject({ path: "priority" });
    expect(error.message).toMatch(/priority/);
  });
});
