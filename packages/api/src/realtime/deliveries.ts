import {
  MAX_EVENT_BYTES,
  threadChannel,
  userChannel,
  type EventName,
} from "@spool/realtime/contract";
import type { ThreadChange } from "../changes/thread-change";

/** One event, the same data, to one or more channels. */
export interface Delivery {
  event: EventName;
  channels: string[];
  /** JSON, exactly as subscribers receive it. */
  data: string;
}

// Room for Pusher's own envelope (event and channel names) around the data.
const MAX_DATA_BYTES = MAX_EVENT_BYTES - 512;

/**
 * Where each change goes. The thread's channel reaches those looking at it; members' own
 * channels keep their thread lists current (new threads, new messages, removals).
 * `memberIds` are the thread's current members, for the changes every list shows.
 */
export function deliveriesFor(change: ThreadChange, memberIds: readonly string[]): Delivery[] {
  const thread = (id: string) => threadChannel(id);
  const users = (ids: readonly string[]) => ids.map(userChannel);
  const { type: event } = change;
  switch (change.type) {
    case "message.created":
    case "message.edited":
    case "message.deleted": {
      const { threadId, sequence, message } = change;
      const data = withMessage({ threadId, sequence, messageId: message.id }, message);
      const channels =
        event === "message.created" ? [thread(threadId), ...users(memberIds)] : [thread(threadId)];
      return [{ event, channels, data }];
    }
    case "member.added":
    case "member.removed": {
      const { threadId, sequence, userIds, message } = change;
      const data = withMessage({ threadId, sequence, messageId: message.id, userIds }, message);
      return [{ event, channels: [thread(threadId), ...users(userIds)], data }];
    }
    case "thread.created": {
      const data = {
        threadId: change.thread.id,
        sequence: change.thread.lastSequence,
        thread: change.thread,
      };
      return [{ event, channels: users(change.memberIds), data: JSON.stringify(data) }];
    }
    case "thread.updated": {
      const { threadId, sequence, topic, message } = change;
      const data = withMessage({ threadId, sequence, messageId: message.id, topic }, message);
      return [{ event, channels: [thread(threadId), ...users(memberIds)], data }];
    }
    case "thread.deleted": {
      const { threadId, sequence } = change;
      const data = JSON.stringify({ threadId, sequence });
      return [{ event, channels: [thread(threadId), ...users(change.memberIds)], data }];
    }
    case "read-receipt": {
      const { type: _type, ...data } = change;
      // Also to the reader's own channel: their other tabs clear the unread badge.
      return [
        {
          event,
          channels: [thread(change.threadId), userChannel(change.userId)],
          data: JSON.stringify(data),
        },
      ];
    }
    case "reaction.changed":
    case "typing": {
      const { type: _type, ...data } = change;
      return [{ event, channels: [thread(change.threadId)], data: JSON.stringify(data) }];
    }
  }
}

/** The data with the message in it, or with `message: null` when that would not fit. */
function withMessage(fields: Record<string, unknown>, message: unknown): string {
  const full = JSON.stringify({ ...fields, message });
  return Buffer.byteLength(full) <= MAX_DATA_BYTES
    ? full
    : JSON.stringify({ ...fields, message: null });
}
