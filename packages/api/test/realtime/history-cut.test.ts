import { testDatabaseKinds } from "@spool/db/testing";
import { ThreadTimeline } from "@spool/realtime/client";
import { isEventName, threadChannel } from "@spool/realtime/contract";
import { describe, expect, it, vi } from "vitest";
import { useApi, type TestUser } from "../support/harness";
import { useRealtime } from "./stack";

describe.each(testDatabaseKinds)("history a member may not see, over realtime, on %s", (kind) => {
  const api = useApi(kind);
  const realtime = useRealtime(api);

  /** A user's view of the thread as the web app keeps it, fed by pusher-js. */
  async function follow(user: TestUser, threadId: string, startAfter: number) {
    const client = await realtime.connect(user);
    const channel = await realtime.subscribe(client, threadChannel(threadId, 0));
    const heard: string[] = [];
    const timeline = new ThreadTimeline({
      userId: user.id,
      startAfter,
      fetchAfter: (after) => user.api.message.list({ threadId, after, limit: 200 }),
    });
    channel.bind_global((event: string, data: unknown) => {
      if (!isEventName(event)) return;
      heard.push(JSON.stringify(data));
      timeline.handle(event, data);
    });
    return { timeline, heard };
  }

  it("never sends a member the content from before their cut; the others still get the change", async () => {
    const [ann, ben, cat] = await api.users(3, "Cut");
    const { thread } = await ann.api.thread.create({
      kind: "group",
      topic: "Before Cat",
      memberIds: [ben.id],
    });
    const threadId = thread.id;
    const old = await ann.api.message.send({ threadId, content: "the old plan" });
    await ann.api.reaction.add({ messageId: old.id, emoji: "👍" });
    const added = await ann.api.member.add({
      threadId,
      userIds: [cat.id],
      shareHistoryTime: new Date(old.createdAt.getTime() + 1),
    });
    await realtime.publisher.idle();
    const startAfter = added.activity!.sequence;
    const benView = await follow(ben, threadId, startAfter);
    const catView = await follow(cat, threadId, startAfter);

    await ann.api.message.edit({ messageId: old.id, content: "the old plan, revised" });
    await ann.api.reaction.add({ messageId: old.id, emoji: "🎉" });
    await ann.api.message.delete({ messageId: old.id });
    const fresh = await ann.api.message.send({ threadId, content: "a new plan for everyone" });

    for (const view of [benView, catView]) {
      await vi.waitFor(
        () => {
          expect(view.timeline.lastSequence).toBe(fresh.sequence);
          expect(view.heard.at(-1)).toContain("a new plan for everyone");
        },
        { timeout: 30_000 },
      );
    }
    // Cat heard every change, at its sequence, but none of the old message's content.
    expect(catView.heard.join("\n")).not.toContain("old plan");
    expect(catView.timeline.entries().map((entry) => entry.id)).toEqual([fresh.id]);
    // Ben, who may see it, has the old message as it now is: deleted, after the edit.
    const benOld = benView.timeline.entries().find((entry) => entry.id === old.id);
    expect(benOld).toMatchObject({ deletedAt: expect.any(Date) });
    expect(benView.timeline.entries().at(-1)).toMatchObject({
      id: fresh.id,
      content: "a new plan for everyone",
    });
  });

  it("shows the others an edit of old history as it happens", async () => {
    const [ann, ben, cat] = await api.users(3, "Edit");
    const { thread } = await ann.api.thread.create({
      kind: "group",
      topic: "Edits",
      memberIds: [ben.id],
    });
    const threadId = thread.id;
    const old = await ann.api.message.send({ threadId, content: "draft" });
    const added = await ann.api.member.add({
      threadId,
      userIds: [cat.id],
      shareHistoryTime: new Date(old.createdAt.getTime() + 1),
    });
    await realtime.publisher.idle();
    const benView = await follow(ben, threadId, added.activity!.sequence);
    const catView = await follow(cat, threadId, added.activity!.sequence);

    const edited = await ann.api.message.edit({ messageId: old.id, content: "final" });
    await vi.waitFor(
      () =>
        expect(benView.timeline.entries().find((entry) => entry.id === old.id)).toMatchObject({
          content: "final",
          version: edited.version,
        }),
      { timeout: 30_000 },
    );
    await vi.waitFor(() => expect(catView.timeline.lastSequence).toBe(edited.changeSequence), {
      timeout: 30_000,
    });
    expect(catView.timeline.entries()).toEqual([]);
    expect(catView.heard.join("\n")).not.toMatch(/draft|final/);
  });
});
