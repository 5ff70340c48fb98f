import { ratePolicies } from "@spool/api";
import { describe, expect, it } from "vitest";
import { manualClock } from "./support/manual-clock";
import { useSpool } from "./support/use-spool";
import { until } from "./support/wait";

// Fifty-odd sends in a row: the per-user send limit lifted, as for the benchmarks.
const ctx = useSpool({ ratePolicies: ratePolicies("bench") });
const texts = (entries: readonly { type: string; content: string }[]) =>
  entries.filter((entry) => entry.type === "text").map((entry) => entry.content);

describe("thread.state", () => {
  it("holds the history, applies everyone's changes, and the user's sends go through it once", async () => {
    const { clock, advance } = manualClock();
    const amy = await ctx.users.user("Amy", { clock });
    const ben = await ctx.users.user("Ben");
    const { id } = await amy.client.createThread({ memberIds: [ben.id] });
    const early = await ben.client.thread(id).send("before loading");
    await amy.client.connect();

    const state = amy.client.thread(id).state;
    expect(amy.client.thread(id).state).toBe(state); // one store per thread
    let changes = 0;
    state.subscribe(() => changes++);
    await state.load();
    expect(texts(state.getSnapshot().entries)).toEqual(["before loading"]);

    const sending = state.send("mine");
    expect(state.getSnapshot().pending.map((p) => [p.options.content, p.status])).toEqual([
      ["mine", "sending"],
    ]);
    await sending;
    await ben.client.thread(id).edit(early.id, "before loading, edited");
    await ben.client.thread(id).react(early.id, "👍");
    await ben.client.thread(id).markRead(early);
    await ben.client.thread(id).typing();
    await until(() => state.getSnapshot().typing.length === 1, "Ben typing");
    await until(
      () => state.getSnapshot().entries[0]?.reactions.length === 1,
      "the reaction applied",
    );

    const snapshot = state.getSnapshot();
    expect(texts(snapshot.entries)).toEqual(["before loading, edited", "mine"]);
    expect(snapshot.pending).toEqual([]);
    expect(snapshot.entries[0]?.reactions).toEqual([{ emoji: "👍", count: 1, reactedByMe: false }]);
    expect(snapshot.readHorizons[ben.id]).toBe(early.sequence);
    expect(snapshot.typing).toEqual([{ userId: ben.id, name: "Ben" }]);
    expect(changes).toBeGreaterThan(3);

    advance(5_000);
    await until(() => state.getSnapshot().typing.length === 0, "typing to end");
  });

  it("shows a failed send as failed; retrying sends it once", async () => {
    const cal = await ctx.users.user("Cal", { retry: { attempts: 1 } });
    const { id } = await cal.client.createThread();
    const state = cal.client.thread(id).state;
    await state.load();

    ctx.spool.faults.failBefore("message.send");
    expect(await state.send("stubborn")).toBeNull();
    const [failed] = state.getSnapshot().pending;
    expect(failed).toMatchObject({ status: "failed", error: { code: "HTTP_ERROR", status: 502 } });

    ctx.spool.faults.dropAnswer("message.send"); // stored, answer lost: the retry finds it
    expect(await state.retry(failed!.clientMessageId)).toBeNull();
    expect(await state.retry(failed!.clientMessageId)).toMatchObject({ content: "stubborn" });
    expect(state.getSnapshot().pending).toEqual([]);
    expect(texts(state.getSnapshot().entries)).toEqual(["stubborn"]);
  });

  it("pages older history in", async () => {
    const dee = await ctx.users.user("Dee");
    const { id } = await dee.client.createThread();
    for (let i = 0; i < 55; i++) await dee.client.thread(id).send(`m${i}`);
    const state = dee.client.thread(id).state;
    await state.load();
    expect(state.getSnapshot()).toMatchObject({ loaded: true, hasOlder: true });
    await state.loadOlder();
    const entries = texts(state.getSnapshot().entries);
    expect(entries).toEqual(Array.from({ length: 55 }, (_, i) => `m${i}`));
    expect(state.getSnapshot().hasOlder).toBe(false);
  });
});

describe("client.threadList", () => {
  it("keeps the list current: new messages, unread counts, new and lost threads", async () => {
    const eve = await ctx.users.user("Eve");
    const fay = await ctx.users.user("Fay");
    const older = await fay.client.createThread({ topic: "older", memberIds: [eve.id] });
    const newer = await fay.client.createThread({ topic: "newer", memberIds: [eve.id] });
    await eve.client.connect();
    const list = eve.client.threadList;
    await list.load();
    const topics = () => list.getSnapshot().threads.map((t) => t.topic);
    expect(topics()).toEqual(["newer", "older"]);

    await fay.client.thread(older.id).send({ content: "up you go", priority: "high" });
    await until(() => topics()[0] === "older", "the thread to move up");
    expect(list.getSnapshot().threads[0]).toMatchObject({
      unreadCount: 1,
      unreadHighPriorityCount: 1,
      lastMessage: { content: "up you go" },
    });

    const last = list.getSnapshot().threads[0]!.lastMessage!;
    await eve.client.thread(older.id).markRead(last);
    await until(() => list.getSnapshot().threads[0]?.unreadCount === 0, "read");

    await fay.client.createThread({ topic: "brand new", memberIds: [eve.id] });
    await until(() => topics().includes("brand new"), "the new thread");
    await fay.client.thread(newer.id).removeMember(eve.id);
    await until(() => !topics().includes("newer"), "the lost thread to go");
    expect(topics()).toEqual(["brand new", "older"]);
  });
});
