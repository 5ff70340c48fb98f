import { describe, expect, it } from "vitest";
import { record } from "./support/recorder";
import { useSpool } from "./support/use-spool";

const ctx = useSpool();

describe("realtime", () => {
  it("delivers the events of every thread the user is in, typed, once connected", async () => {
    const alice = await ctx.users.user("Alice");
    const bob = await ctx.users.user("Bob");
    const one = await alice.client.createThread({ topic: "one", memberIds: [bob.id] });
    const two = await alice.client.createThread({ topic: "two", memberIds: [bob.id] });
    const seen = record(bob.client);
    const onlyTwo: string[] = [];
    bob.client.thread(two.id).on("message.created", ({ message }) => onlyTwo.push(message.content));
    await bob.client.connect();
    expect(seen.states).toEqual(["connecting", "connected"]);

    const first = await alice.client.thread(one.id).send("in one");
    await alice.client.thread(two.id).send("in two");
    await alice.client.thread(one.id).edit(first.id, "in one, edited");
    await alice.client.thread(one.id).react(first.id, "🎉");
    await alice.client.thread(one.id).typing();
    await seen.until(() => seen.events.some((e) => e.name === "typing"), "typing");
    expect(seen.created()).toEqual(["in one", "in two"]);
    expect(onlyTwo).toEqual(["in two"]);
    const inOne = seen.events.filter((e) => e.data.threadId === one.id).map((e) => e.name);
    expect(inOne).toEqual(["message.created", "message.edited", "reaction.changed", "typing"]);
    const typing = seen.events.find((e) => e.name === "typing");
    expect(typing?.data).toMatchObject({ userId: alice.id, name: "Alice" });
  });

  it("hears what is never caught up (typing) in every thread as soon as connect() resolves", async () => {
    const uma = await ctx.users.user("Uma");
    const vic = await ctx.users.user("Vic");
    const threads = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        uma.client.createThread({ topic: `t${index}`, memberIds: [vic.id] }),
      ),
    );
    const seen = record(vic.client);
    await vic.client.connect();
    // Typing is live only: a thread whose channel is not subscribed yet never hears it.
    await Promise.all(threads.map(({ id }) => uma.client.thread(id).typing()));
    const typing = () => seen.events.filter((e) => e.name === "typing");
    await seen.until(() => typing().length === threads.length, "typing in every thread");
    expect(new Set(typing().map((e) => e.data.threadId))).toEqual(
      new Set(threads.map(({ id }) => id)),
    );
  });

  it("follows a thread the user is added to, from the moment they are added", async () => {
    const carol = await ctx.users.user("Carol");
    const dave = await ctx.users.user("Dave");
    const seen = record(dave.client);
    await dave.client.connect();

    const group = await carol.client.createThread({ topic: "later" });
    await carol.client.thread(group.id).send("before Dave");
    await carol.client.thread(group.id).addMembers([dave.id]);
    await carol.client.thread(group.id).send("after Dave");
    const fresh = await carol.client.createThread({ topic: "fresh", memberIds: [dave.id] });
    await carol.client.thread(fresh.id).send("in fresh");
    await seen.until(() => seen.created().length === 2, "both messages");

    expect(seen.created(group.id)).toEqual(["after Dave"]);
    expect(seen.events.find((e) => e.name === "member.added")?.data).toMatchObject({
      threadId: group.id,
      userIds: [dave.id],
    });
    expect(seen.events.find((e) => e.name === "thread.created")?.data.thread.id).toBe(fresh.id);
    expect(seen.created(fresh.id)).toEqual(["in fresh"]);
  });

  it("delivers a message too large for Pusher in full", async () => {
    const erin = await ctx.users.user("Erin");
    const finn = await ctx.users.user("Finn");
    const { id } = await erin.client.createThread({ memberIds: [finn.id] });
    const seen = record(finn.client);
    await finn.client.connect();
    const big = "x".repeat(20_000);
    await erin.client.thread(id).send(big);
    await seen.until(() => seen.created().length === 1, "the large message");
    expect(seen.created()).toEqual([big]);
  });

  it("silences a removed member, and moves the others to the thread's new channels", async () => {
    const owner = await ctx.users.user("Gus");
    const stays = await ctx.users.user("Hal");
    const goes = await ctx.users.user("Ida");
    const { id } = await owner.client.createThread({ memberIds: [stays.id, goes.id] });
    const staying = record(stays.client);
    const going = record(goes.client);
    await stays.client.connect();
    await goes.client.connect();

    await owner.client.thread(id).send("all three");
    await going.until(() => going.created().length === 1, "the message before");
    await owner.client.thread(id).removeMember(goes.id);
    await going.until(() => going.events.length === 2, "the removal");
    await owner.client.thread(id).send("two of us");
    await owner.client.thread(id).send("and more");
    // Only the new epoch's channels carry these: arriving at all means Hal moved there.
    await staying.until(() => staying.created().length === 3, "the messages after");

    expect(staying.created()).toEqual(["all three", "two of us", "and more"]);
    expect(going.created()).toEqual(["all three"]);
    expect(going.events.map((e) => e.name)).toEqual(["message.created", "member.removed"]);
    expect(going.events[1]?.data).toMatchObject({ userIds: [goes.id] });
    expect(going.errors).toEqual([]);
  });

  it("delivers a thread's deletion, and nothing of it after", async () => {
    const quinn = await ctx.users.user("Quinn");
    const rae = await ctx.users.user("Rae");
    const { id } = await quinn.client.createThread({ memberIds: [rae.id] });
    const seen = record(rae.client);
    await rae.client.connect();
    await quinn.client.thread(id).send("last words");
    await seen.until(() => seen.created().length === 1, "the message");
    await quinn.client.thread(id).delete();
    await seen.until(() => seen.events.some((e) => e.name === "thread.deleted"), "the deletion");
    expect(seen.events.map((e) => e.name)).toEqual(["message.created", "thread.deleted"]);
    expect(seen.errors).toEqual([]);
  });

  it("after the realtime server restarts, delivers what was missed once, in order, before new events", async () => {
    const jo = await ctx.users.user("Jo");
    const kim = await ctx.users.user("Kim");
    const { id } = await jo.client.createThread({ memberIds: [kim.id] });
    const seen = record(kim.client);
    await kim.client.connect();
    const thread = jo.client.thread(id);

    const first = await thread.send("m1");
    await thread.send("m2");
    await seen.until(() => seen.created().length === 2, "m1 and m2 live");

    await ctx.spool.stopRealtime();
    await seen.until(() => seen.states.includes("disconnected"), "the drop");
    await thread.send("m3");
    await thread.edit(first.id, "m1, edited while away");
    await thread.send("m4");
    await ctx.spool.startRealtime();
    await seen.until(() => seen.states.includes("reconnected"), "the reconnect");
    await thread.send("m5");
    await seen.until(() => seen.created().includes("m5"), "m5");

    expect(seen.created()).toEqual(["m1", "m2", "m3", "m4", "m5"]);
    expect(seen.states).toEqual(["connecting", "connected", "disconnected", "reconnected"]);
    const sequences = seen.events.map((e) => e.data.sequence);
    expect(sequences).toEqual([...new Set(sequences)].sort((a, b) => a - b));
    const edit = seen.events.find((e) => e.name === "message.edited");
    expect(edit?.data.message.content).toBe("m1, edited while away");
    expect(seen.errors).toEqual([]);
  });
});

describe("realtime across a restart of the realtime server", () => {
  it("follows the thread to its new channels when someone was removed meanwhile", async () => {
    const [lee, max, ned] = [
      await ctx.users.user("Lee"),
      await ctx.users.user("Max"),
      await ctx.users.user("Ned"),
    ];
    const { id } = await lee.client.createThread({ memberIds: [max.id, ned.id] });
    const seen = record(max.client);
    await max.client.connect();

    await ctx.spool.stopRealtime();
    await seen.until(() => seen.states.includes("disconnected"), "the drop");
    await lee.client.thread(id).removeMember(ned.id);
    await lee.client.thread(id).send("without Ned");
    await ctx.spool.startRealtime();
    await seen.until(() => seen.created().includes("without Ned"), "the missed message");
    await lee.client.thread(id).send("live again");
    // Only the thread's new channels carry it: arriving at all means Max moved there.
    await seen.until(() => seen.created().includes("live again"), "the live message");

    expect(seen.events.map((e) => e.name)).toEqual([
      "member.removed",
      "message.created",
      "message.created",
    ]);
    expect(seen.events[0]?.data).toMatchObject({ userIds: [ned.id] });
    expect(seen.errors).toEqual([]);
  });

  it("drops a thread deleted while away without a word, and goes on with the others", async () => {
    const sol = await ctx.users.user("Sol");
    const tom = await ctx.users.user("Tom");
    const { id } = await sol.client.createThread({ memberIds: [tom.id] });
    const seen = record(tom.client);
    await tom.client.connect();
    await sol.client.thread(id).send("hello");
    await seen.until(() => seen.created().length === 1, "the message");

    await ctx.spool.stopRealtime();
    await seen.until(() => seen.states.includes("disconnected"), "the drop");
    await sol.client.thread(id).delete();
    await ctx.spool.startRealtime();
    // Its deletion went out while the realtime server was down: nothing stored can replay it.
    await sol.client.createThread({ memberIds: [tom.id] });
    await seen.until(() => seen.events.some((e) => e.name === "thread.created"), "a new thread");
    expect(seen.events.map((e) => e.name)).toEqual(["message.created", "thread.created"]);
    expect(seen.errors).toEqual([]);
  });

  it("announces and follows a thread the user was added to while away", async () => {
    const ora = await ctx.users.user("Ora");
    const pat = await ctx.users.user("Pat");
    const seen = record(pat.client);
    await pat.client.connect();

    await ctx.spool.stopRealtime();
    await seen.until(() => seen.states.includes("disconnected"), "the drop");
    const { id } = await ora.client.createThread({ topic: "while away", memberIds: [pat.id] });
    await ctx.spool.startRealtime();
    await seen.until(() => seen.events.some((e) => e.name === "thread.created"), "the thread");
    await ora.client.thread(id).send("welcome back");
    await seen.until(() => seen.created().includes("welcome back"), "its message");

    const announced = seen.events.find((e) => e.name === "thread.created");
    expect(announced?.data.thread).toMatchObject({ id, topic: "while away" });
  });
});
