import type { MessageEventData } from "@spool/realtime/contract";
import { isActivity } from "./activity-text";
import { sameDay } from "./chat-dates";

// Turns a thread's history, plus what the user is still sending, into the rows the message
// list shows: day separators, activity lines and messages grouped under their sender.

export type Entry = MessageEventData;

/** A message the user sent that the server has not stored yet (or refused). */
export interface Outgoing {
  clientMessageId: string;
  content: string;
  priority: "normal" | "high";
  createdAt: Date;
  status: "sending" | "failed";
  /** Why it was not sent, for the "Not sent" line. */
  error?: string;
}

export type Row =
  | { kind: "day"; key: string; date: Date }
  | { kind: "activity"; key: string; entry: Entry }
  | { kind: "message"; key: string; entry: Entry; startsGroup: boolean }
  | { kind: "outgoing"; key: string; outgoing: Outgoing; startsGroup: boolean };

/** Messages from one sender this close together share one name and avatar. */
export const groupWindowMs = 5 * 60 * 1000;

/** Every entry once, by id, in its newest known change, in history order. */
export function mergeEntries(...sources: readonly (readonly Entry[])[]): Entry[] {
  const byId = new Map<string, Entry>();
  for (const source of sources) {
    for (const entry of source) {
      const known = byId.get(entry.id);
      if (!known || known.changeSequence <= entry.changeSequence) byId.set(entry.id, entry);
    }
  }
  return [...byId.values()].sort((a, b) => a.sequence - b.sequence);
}

/**
 * Keys survive the server's copy replacing an optimistic one (same sender and client id),
 * so the row is updated in place rather than removed and added.
 */
export function entryKey(entry: Pick<Entry, "id" | "senderId" | "clientMessageId">): string {
  return entry.clientMessageId ? `${entry.senderId}:${entry.clientMessageId}` : entry.id;
}

export function buildRows(
  entries: readonly Entry[],
  outgoing: readonly Outgoing[],
  meId: string,
): Row[] {
  const rows: Row[] = [];
  let previous: { senderId: string | null; at: Date; grouped: boolean } | null = null;

  const startDay = (at: Date) => {
    if (previous && sameDay(previous.at, at)) return;
    rows.push({ kind: "day", key: `day:${at.toDateString()}`, date: at });
    previous = null;
  };
  const startsGroup = (senderId: string | null, at: Date) =>
    !previous?.grouped ||
    previous.senderId !== senderId ||
    at.getTime() - previous.at.getTime() > groupWindowMs;

  for (const entry of entries) {
    startDay(entry.createdAt);
    if (isActivity(entry)) {
      rows.push({ kind: "activity", key: entry.id, entry });
      previous = { senderId: null, at: entry.createdAt, grouped: false };
      continue;
    }
    rows.push({
      kind: "message",
      key: entryKey(entry),
      entry,
      startsGroup: startsGroup(entry.senderId, entry.createdAt),
    });
    previous = { senderId: entry.senderId, at: entry.createdAt, grouped: true };
  }

  const stored = new Set(
    entries
      .filter((entry) => entry.senderId === meId && entry.clientMessageId)
      .map((entry) => entry.clientMessageId),
  );
  for (const item of outgoing) {
    if (stored.has(item.clientMessageId)) continue; // the server's copy is shown instead
    startDay(item.createdAt);
    rows.push({
      kind: "outgoing",
      key: entryKey({ id: "", senderId: meId, clientMessageId: item.clientMessageId }),
      outgoing: item,
      startsGroup: startsGroup(meId, item.createdAt),
    });
    previous = { senderId: meId, at: item.createdAt, grouped: true };
  }
  return rows;
}

/** The newest message in history: what "read up to here" means. */
export function newestSequence(entries: readonly Entry[]): number {
  return entries.at(-1)?.sequence ?? 0;
}
