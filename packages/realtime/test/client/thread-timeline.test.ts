import { describe, expect, it } from "vitest";
import type { CatchUpPage } from "../../src/client";
import { ThreadTimeline } from "../../src/client";
import type { MessageEventData } from "../../src/contract";

const THREAD = "01900000-0000-7000-8000-000000000001";

function message(sequence: number, content: string, changeSequence = sequence): MessageEventData {
  return {
    id: `m-${sequence}`,
    threadId: THREAD,
    sequence,
    changeSequence,
    type: "text",
    content,
    priority: "normal",
    senderId: "u-1",
    clientMessageId: null,
    metadata: null,
    createdAt: new Date(0),
    editedAt: changeSequence > sequence ? new Date(1) : null,
    deletedAt: null,
    version: changeSequence > sequence ? 2 : 1,
    activity: null,
    reactions: [],
  };
}

/** The server side of catch-up: the thread's entries, answered as `message.list({ after })`. */
function server(entries: MessageEventData[], pageSize = 2) {
  const calls: number[] = [];
  return {
    calls,
    entries,
    async fetchAfter(after: number): Promise<CatchUpPage> {
      calls.push(after);
      const newer = entries
        .filter((e) => e.changeSequence > after)
        .sort((a, b) => a.changeSequence - b.changeSequence);
      const items = newer.slice(0, pageSize);
      const threadSequence = Math.max(0, ...entries.map((e) => e.changeSequence));
      return {
        items,
        nextCursor: newer.length > pageSize ? items.at(-1)!.changeSequence : null,
        threadSequence,
      };
    },
  };
}

const created = (m: MessageEventData) => ({
  threadId: THREAD,
  sequence: m.changeSequence,
  messageId: m.id,
  message: m,
});

describe("a thread timeline", () => {
  it("applies events in order without fetching anything", async () => {
    const backend = server([]);
    const timeline = new ThreadTimeline({ fetchAfter: backend.fetchAfter });

    timeline.handle("message.created", created(message(1, "a")));
    timeline.handle("message.created", created(message(2, "b")));

    expect(timeline.entries().map((e) => e.content)).toEqual(["a", "b"]);
    expect(timeline.lastSequence).toBe(2);
    expect(backend.calls).toEqual([]);
  });

  it("fetches what it missed on a gap, page by page, and shows nothing twice", async () => {
    const all = [
      message(1, "a"),
      message(2, "b"),
      message(3, "c"),
      message(4, "d"),
      message(5, "e"),
    ];
    const backend = server(all);
    const timeline = new ThreadTimeline({ fetchAfter: backend.fetchAfter });
    timeline.handle("message.created", created(all[0]!));

    timeline.handle("message.created", created(all[4]!)); // 2-4 never arrived
    await timeline.catchUp();
    timeline.handle("message.created", created(all[2]!)); // a late duplicate

    expect(timeline.entries().map((e) => e.content)).toEqual(["a", "b", "c", "d", "e"]);
    expect(backend.calls).toEqual([1, 3, 5]);
    expect(timeline.lastSequence).toBe(5);
  });

  it("catches up on edits of old messages, keeping the newest version", async () => {
    const backend = server([message(1, "teh"), message(2, "x")]);
    const timeline = new ThreadTimeline({ fetchAfter: backend.fetchAfter });
    await timeline.reconnected();
    backend.entries[0] = message(1, "the", 3);

    timeline.handle("typing", { threadId: THREAD, sequence: 3, userId: "u-2", name: "Bo" });
    await timeline.catchUp();

    expect(timeline.entries().map((e) => [e.content, e.version])).toEqual([
      ["the", 2],
      ["x", 1],
    ]);
  });

  it("fetches a message announced without its body", async () => {
    const big = message(1, "x".repeat(20_000));
    const backend = server([big]);
    const timeline = new ThreadTimeline({ fetchAfter: backend.fetchAfter });

    timeline.handle("message.created", {
      threadId: THREAD,
      sequence: 1,
      messageId: big.id,
      message: null,
    });
    await timeline.catchUp();

    expect(timeline.entries()).toEqual([big]);
  });

  it("keeps reaction counts current, and marks the user's own", async () => {
    const timeline = new ThreadTimeline({ userId: "u-me", fetchAfter: server([]).fetchAfter });
    timeline.handle("message.created", created(message(1, "ship it")));
    const reaction = { threadId: THREAD, messageId: "m-1", emoji: "👍" };

    timeline.handle("reaction.changed", {
      ...reaction,
      sequence: 2,
      userId: "u-me",
      count: 1,
      added: true,
    });
    timeline.handle("reaction.changed", {
      ...reaction,
      sequence: 3,
      userId: "u-2",
      count: 2,
      added: true,
    });
    expect(timeline.entries()[0]!.reactions).toEqual([
      { emoji: "👍", count: 2, reactedByMe: true },
    ]);

    timeline.handle("reaction.changed", {
      ...reaction,
      sequence: 4,
      userId: "u-me",
      count: 1,
      added: false,
    });
    expect(timeline.entries()[0]!.reactions).toEqual([
      { emoji: "👍", count: 1, reactedByMe: false },
    ]);
  });

  it("refuses data that does not match the contract", () => {
    const timeline = new ThreadTimeline({ fetchAfter: server([]).fetchAfter });
    expect(() =>
      timeline.handle("message.created", { threadId: THREAD, sequence: "one" }),
    ).toThrow();
  });
});
