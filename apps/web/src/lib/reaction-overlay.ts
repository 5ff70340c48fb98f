import type { Entry } from "./thread-rows";

/** Reactions the user has just changed, shown before the server's copy of the message has them. */
export type ReactionOverlay = ReadonlyMap<
  string,
  { messageId: string; emoji: string; mine: boolean }
>;

export const overlayKey = (messageId: string, emoji: string) => `${messageId} ${emoji}`;

/** The entries with the user's pending reaction changes applied to their counts. */
export function applyReactionOverlay(entries: Entry[], overlay: ReactionOverlay): Entry[] {
  if (overlay.size === 0) return entries;
  const byMessage = new Map<string, { emoji: string; mine: boolean }[]>();
  for (const change of overlay.values()) {
    byMessage.set(change.messageId, [...(byMessage.get(change.messageId) ?? []), change]);
  }
  return entries.map((entry) => {
    const changes = byMessage.get(entry.id);
    if (!changes) return entry;
    let reactions = entry.reactions;
    for (const { emoji, mine } of changes) {
      const known = reactions.find((reaction) => reaction.emoji === emoji);
      if (!known) {
        if (mine) reactions = [...reactions, { emoji, count: 1, reactedByMe: true }];
        continue;
      }
      if (known.reactedByMe === mine) continue;
      const count = known.count + (mine ? 1 : -1);
      reactions = reactions
        .map((reaction) => (reaction === known ? { emoji, count, reactedByMe: mine } : reaction))
        .filter((reaction) => reaction.count > 0);
    }
    return { ...entry, reactions };
  });
}
