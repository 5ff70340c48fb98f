import {
  MAX_EVENT_BYTES,
  threadChannel,
  userChannel,
  type EventName,
} from "@spool/realtime/contract";
import type { ThreadChange } from "../changes/thread-change";
import type { MessageView } from "../shapes/message";

/** One event, the same data, to one or more channels. */
export interface Delivery {
  event: EventName;
  channels: string[];
  /** JSON, exactly as subscribers receive it. */
  data: string;
}

// Room for Pusher's own envelope (event and channel names) around the data.
const MAX_DATA_BYTES = MAX_EVENT_BYTES - 512;

/** The thread as it is when a change is published (the change may be a little older). */
export interface ThreadNow {
  /** Its current members, for the changes every member's thread list shows. */
  memberIds: readonly string[];
  channelEpoch: number;
  /**
   * The latest `shareHistoryTime` among the current members: a message from before it is
   * history someone on the thread's channel may not see.
   */
  historyCut?: Date | null;
}

/**
 * Where each change goes. The thread's channel reaches those looking at it; members' own
 * channels keep their thread lists current (new threads, new messages, removals). Thread
 * channels are always the current epoch's, so a removed member hears nothing more; only the
 * removal itself goes out on the channels they still hold.
 *
 * Every member shares the thread's channel, so a message some member may not see (older than
 * their history cut) is announced by id with `message: null`, as a large one is: each client
 * fetches it through the API, which applies that member's own visibility.
 */
export function deliveriesFor(change: ThreadChange, now: ThreadNow): Delivery[] {
  const { memberIds } = now;
  const withMessage = (fields: Record<string, unknown>, message: MessageView) =>
    withinLimits(fields, now.historyCut && message.createdAt < now.historyCut ? null : message);
  const thread = (id: string) => threadChannel(id, now.channelEpoch);
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
    case "member.added": {
      const { threadId, sequence, userIds, message } = change;
      const data = withMessage({ threadId, sequence, messageId: message.id, userIds }, message);
      return [{ event, channels: [thread(threadId), ...users(userIds)], data }];
    }
    case "member.removed": {
      const { threadId, sequence, userIds, message, channelEpoch } = change;
      const fields = { threadId, sequence, messageId: message.id, userIds, channelEpoch };
      const previous = threadChannel(threadId, channelEpoch - 1);
      return [
        { event, channels: [previous, ...users(userIds)], data: withMessage(fields, message) },
      ];
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
      const { threadId, sequence, channelEpoch } = change;
      const data = JSON.stringify({ threadId, sequence });
      const channels = [threadChannel(threadId, channelEpoch), ...users(change.memberIds)];
      return [{ event, channels, data }];
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
function withinLimits(fields: Record<string, unknown>, message: MessageView | null): string {
  const full = JSON.stringify({ ...fields, message });
  return Buffer.byteLength(full) <= MAX_DATA_BYTES
    ? full
    : JSON.stringify({ ...fields, message: null });
}
