import { describe, expect, it } from "vitest";
import { activitySentence, unknownPerson, type NameOf } from "@/lib/activity-text";
import { linkify } from "@/lib/linkify";
import { joinNames, seenBySentence, typingSentence } from "@/lib/name-lists";
import { applyReactionOverlay, overlayKey } from "@/lib/reaction-overlay";
import { seenByOfLatest } from "@/lib/read-horizons";
import { buildRows, mergeEntries, type Entry, type Outgoing } from "@/lib/thread-rows";

// The thread view's pure parts: what the message list shows, and the sentences it says.

const at = (minutes: number) => new Date(2025, 2, 3, 9, minutes);

function entry(sequence: number, fields: Partial<Entry> = {}): Entry {
  return {
    id: `m${sequence}`,
    threadId: "t",
    sequence,
    changeSequence: sequence,
    type: "text",
    content: `message ${sequence}`,
    priority: "normal",
    senderId: "bob",
    clientMessageId: null,
    metadata: null,
    createdAt: at(sequence),
    editedAt: null,
    deletedAt: null,
    version: 1,
    activity: null,
    reactions: [],
    ...fields,
  };
}

const names: Record<string, string> = { alice: "Alice", bob: "Bob", carol: "Carol" };
const nameOf: NameOf = (id) => (id && names[id]) || unknownPerson;

describe("mergeEntries", () => {
  it("keeps one copy of each entry, the newest change, in history order", () => {
    const edited = entry(1, { changeSequence: 5, content: "edited" });
    const merged = mergeEntries([entry(2), entry(1)], [edited], [entry(1)]);
    expect(merged.map((e) => [e.id, e.content])).toEqual([
      ["m1", "edited"],
      ["m2", "message 2"],
    ]);
  });
});

describe("buildRows", () => {
  it("groups one sender's messages within minutes, and starts again after an activity", () => {
    const rows = buildRows(
      [
        entry(1),
        entry(2),
        entry(3, { type: "member_added", activity: activity("alice", ["carol"]) }),
        entry(4),
        entry(20),
      ],
      [],
      "alice",
    );
    expect(rows.map((row) => (row.kind === "message" ? row.startsGroup : row.kind))).toEqual([
      "day",
      true,
      false,
      "activity",
      true,
      true, // 16 minutes later
    ]);
  });

  it("puts a day separator between days", () => {
    const nextDay = entry(2, { createdAt: new Date(2025, 2, 4, 8, 0) });
    expect(buildRows([entry(1), nextDay], [], "alice").map((row) => row.kind)).toEqual([
      "day",
      "message",
      "day",
      "message",
    ]);
  });

  it("shows a message being sent until the server's copy is there, under the same key", () => {
    const pending: Outgoing = {
      clientMessageId: "c1",
      content: "hi",
      priority: "normal",
      createdAt: at(2),
      status: "sending",
    };
    const before = buildRows([entry(1)], [pending], "alice");
    const stored = entry(2, { senderId: "alice", clientMessageId: "c1", content: "hi" });
    const after = buildRows([entry(1), stored], [pending], "alice");
    expect(before.at(-1)?.kind).toBe("outgoing");
    expect(after.filter((row) => row.kind === "outgoing")).toEqual([]);
    expect(after.at(-1)?.key).toBe(before.at(-1)?.key);
  });
});

describe("seenByOfLatest", () => {
  const horizons = new Map([
    ["alice", 9],
    ["bob", 3],
    ["carol", 2],
  ]);

  it("names the others who have read up to the user's latest message", () => {
    const entries = [entry(1, { senderId: "alice" }), entry(3, { senderId: "alice" })];
    expect(seenByOfLatest(entries, "alice", horizons)).toEqual({
      messageId: "m3",
      readerIds: ["bob"],
    });
  });

  it("says nothing when nobody else has read it yet", () => {
    expect(seenByOfLatest([entry(4, { senderId: "alice" })], "alice", horizons)).toBeNull();
  });
});

describe("activitySentence", () => {
  it.each([
    ["member_added", activity("bob", ["carol"]), "Bob added Carol"],
    ["member_added", activity("alice", ["bob", "carol"]), "Alice added Bob and Carol"],
    ["member_removed", activity("carol", ["carol"]), "Carol left"],
    ["member_removed", activity("alice", ["bob"]), "Alice removed Bob"],
    ["member_removed", activity("alice", ["gone"]), "Alice removed Someone"],
    [
      "topic_updated",
      { ...activity("alice", []), newTopic: "Launch" },
      "Alice changed the topic to “Launch”",
    ],
  ] as const)("%s: %s", (type, detail, sentence) => {
    expect(activitySentence(entry(1, { type, activity: detail }), nameOf)).toBe(sentence);
  });
});

describe("sentences about people", () => {
  it("says who is typing", () => {
    expect(typingSentence(["Bob"])).toBe("Bob is typing…");
    expect(typingSentence(["Bob", "Carol"])).toBe("Bob and Carol are typing…");
    expect(typingSentence(["Bob", "Carol", "Dan"])).toBe("Several people are typing…");
  });

  it("says who has seen a message, and how many more", () => {
    expect(seenBySentence(["Bob", "Carol"])).toBe("Seen by Bob, Carol");
    expect(seenBySentence(["A", "B", "C", "D", "E", "F"])).toBe("Seen by A, B, C, D and 2 others");
  });

  it("joins names", () => {
    expect(joinNames(["Bob", "Carol", "Dan"])).toBe("Bob, Carol and Dan");
    expect(joinNames(["A", "B", "C", "D"], 2)).toBe("A, B and 2 others");
  });
});

describe("linkify", () => {
  it("links web addresses only, leaving sentence punctuation outside", () => {
    expect(linkify("see https://example.com/a?b=1. or javascript:alert(1)")).toEqual([
      { kind: "text", text: "see " },
      { kind: "link", text: "https://example.com/a?b=1", href: "https://example.com/a?b=1" },
      { kind: "text", text: ". or javascript:alert(1)" },
    ]);
  });

  it("keeps a closing parenthesis that belongs to the address", () => {
    const url = "https://en.wikipedia.org/wiki/Spool_(device)";
    expect(linkify(`(${url})`)[1]).toEqual({ kind: "link", text: url, href: url });
  });
});

describe("applyReactionOverlay", () => {
  it("shows the user's pending reaction change in the counts", () => {
    const reacted = entry(1, { reactions: [{ emoji: "👍", count: 2, reactedByMe: false }] });
    const overlay = new Map([
      [overlayKey("m1", "👍"), { messageId: "m1", emoji: "👍", mine: true }],
      [overlayKey("m1", "🎉"), { messageId: "m1", emoji: "🎉", mine: true }],
    ]);
    expect(applyReactionOverlay([reacted], overlay)[0]!.reactions).toEqual([
      { emoji: "👍", count: 3, reactedByMe: true },
      { emoji: "🎉", count: 1, reactedByMe: true },
    ]);
  });

  it("drops a reaction whose last person takes it back", () => {
    const mine = entry(1, { reactions: [{ emoji: "👍", count: 1, reactedByMe: true }] });
    const overlay = new Map([
      [overlayKey("m1", "👍"), { messageId: "m1", emoji: "👍", mine: false }],
    ]);
    expect(applyReactionOverlay([mine], overlay)[0]!.reactions).toEqual([]);
  });
});

function activity(actorId: string, targetUserIds: string[]): NonNullable<Entry["activity"]> {
  return { actorId, targetUserIds, oldTopic: null, newTopic: null };
}
