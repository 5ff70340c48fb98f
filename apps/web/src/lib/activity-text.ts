import type { MessageEventData } from "@spool/realtime/contract";
import { joinNames } from "./name-lists";

/** Who a user id is, for sentences; people who have left the thread are "Someone". */
export type NameOf = (userId: string | null | undefined) => string;

export const unknownPerson = "Someone";

/** The sentence for an activity in the history: "Bob added Carol", "Carol left", … */
export function activitySentence(entry: MessageEventData, nameOf: NameOf): string {
  const activity = entry.activity;
  const actorId = activity?.actorId ?? entry.senderId;
  const actor = nameOf(actorId);
  const targetIds = activity?.targetUserIds ?? [];
  const targets = joinNames(targetIds.map(nameOf), 5);
  const self = targetIds.length === 1 && targetIds[0] === actorId;
  switch (entry.type) {
    case "member_added":
      return self ? `${actor} joined` : `${actor} added ${targets || "someone"}`;
    case "member_removed":
      return self ? `${actor} left` : `${actor} removed ${targets || "someone"}`;
    case "topic_updated": {
      const topic = activity?.newTopic?.trim();
      return topic ? `${actor} changed the topic to “${topic}”` : `${actor} removed the topic`;
    }
    default:
      return "";
  }
}

export function isActivity(entry: MessageEventData): boolean {
  return entry.type !== "text" && entry.type !== "html";
}
