import type { Message } from "../api-types";
import type { ThreadEventName, ThreadEvents } from "../events";

/** One event with its name, so that name and data stay paired through a switch. */
export type NamedEvent = {
  [Name in ThreadEventName]: { name: Name; data: ThreadEvents[Name] };
}[ThreadEventName];

/**
 * The event that stands for an entry fetched by catch-up (`message.list({ after })`), which
 * returns each changed entry once, as it is now. An entry the client never had arrives as its
 * creation (or the activity it records), carrying its latest state; one it had arrives as
 * `message.deleted` or, for an edit or new reactions, `message.edited`. `knownUpTo` is the
 * sequence the client had everything up to when the catch-up began.
 */
export function eventForEntry(entry: Message, knownUpTo: number, channelEpoch: number): NamedEvent {
  const data = {
    threadId: entry.threadId,
    sequence: entry.changeSequence,
    messageId: entry.id,
    message: entry,
  };
  const targets = entry.activity?.targetUserIds ?? [];
  if (entry.sequence <= knownUpTo) {
    return entry.deletedAt ? { name: "message.deleted", data } : { name: "message.edited", data };
  }
  switch (entry.type) {
    case "member_added":
      return { name: "member.added", data: { ...data, userIds: targets } };
    case "member_removed":
      return { name: "member.removed", data: { ...data, userIds: targets, channelEpoch } };
    case "topic_updated":
      return { name: "thread.updated", data: { ...data, topic: entry.activity?.newTopic ?? "" } };
    default:
      return { name: "message.created", data };
  }
}
