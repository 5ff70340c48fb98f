import type { Entry } from "./thread-rows";

/** How far each member has read: user id to the last sequence they have seen. */
export type ReadHorizons = ReadonlyMap<string, number>;

/**
 * "Seen by" goes under the user's own latest message, naming the others who have read up to
 * it (a deleted message says nothing, so it is skipped).
 */
export function seenByOfLatest(
  entries: readonly Entry[],
  meId: string,
  horizons: ReadHorizons,
): { messageId: string; readerIds: string[] } | null {
  const latest = entries.findLast(
    (entry) =>
      entry.senderId === meId &&
      !entry.deletedAt &&
      (entry.type === "text" || entry.type === "html"),
  );
  if (!latest) return null;
  const readerIds = [...horizons]
    .filter(([userId, sequence]) => userId !== meId && sequence >= latest.sequence)
    .map(([userId]) => userId);
  return readerIds.length > 0 ? { messageId: latest.id, readerIds } : null;
}
