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
export function deliveriesFor(change: ThreadChange): Delivery[] {
  const withMessage = (
    fields: Record<string, unknown>,
    { message, historyCut }: { message: MessageView; historyCut: Date | null },
  ) => withinLimits(fields, historyCut && message.createdAt < historyCut ? null : message);
  const users = (ids: readonly string[]) => ids.map(userChannel);
  const { type: event } = change;
  switch (change.type) {
    case "message.created":
    case "message.edited":
    case "message.deleted": {
      const { threadId, sequence, message, channelEpoch } = change;
      const data = withMessage({ threadId, sequence, messageId: message.id }, change);
      const thread = threadChannel(threadId, channelEpoch);
      const channels =
        change.type === "message.created" ? [thread, ...users(change.memberIds)] : [thread];
      return [{ event, channels, data }];
    }
    case "member.added": {
      const { threadId, sequence, userIds, message, channelEpoch } = change;
      const data = withMessage({ threadId, sequence, messageId: message.id, userIds }, change);
      return [
        { event, channels: [threadChannel(threadId, channelEpoch), ...users(userIds)], data },
      ];
    }
    case "member.removed": {
      const { threadId, sequence, userIds, message, channelEpoch } = change;
      const fields = { threadId, sequence, messageId: message.id, userIds, channelEpoch };
      const previous = threadChannel(threadId, channelEpoch - 1);
      return [
        { event, channels: [previous, ...users(userIds)], data: withMessage(fields, change) },
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
      const { threadId, sequence, topic, message, channelEpoch } = change;
      const data = withMessage({ threadId, sequence, messageId: message.id, topic }, change);
      const channels = [threadChannel(threadId, channelEpoch), ...users(change.memberIds)];
      return [{ event, channels, data }];
    }
    case "thread.deleted": {
      const { threadId, sequence, channelEpoch } = change;
      const data = JSON.stringify({ threadId, sequence });
      const channels = [threadChannel(threadId, channelEpoch), ...users(change.memberIds)];
      return [{ event, channels, data }];
    }
    case "read-receipt": {
      const { type: _type, channelEpoch, ...data } = change;
      // Also to the reader's own channel: their other tabs clear the unread badge.
      return [
        {
          event,
          channels: [threadChannel(change.threadId, channelEpoch), userChannel(change.userId)],
          data: JSON.stringify(data),
        },
      ];
    }
    case "message.translated": {
      const { threadId, sequence, channelEpoch, message, historyCut, language } = change;
      const fields = {
        threadId,
        sequence,
        messageId: message.id,
        version: message.version,
        language,
      };
      const hidden = historyCut !== null && message.createdAt < historyCut;
      const translations = change.translations.map(({ to, outcome }) =>
        outcome.status === "translated"
          ? {
              to: outcome.to,
              from: outcome.from,
              content: hidden ? null : outcome.content,
              error: null,
            }
          : { to, from: null, content: null, error: outcome.reason },
      );
      const full = JSON.stringify({ ...fields, translations });
      const data =
        Buffer.byteLength(full) <= MAX_DATA_BYTES
          ? full
          : JSON.stringify({
              ...fields,
              translations: translations.map((entry) => ({ ...entry, content: null })),
            });
      return [{ event, channels: [threadChannel(threadId, channelEpoch)], data }];
    }
    case "reaction.changed":
    case "typing": {
      const { type: _type, channelEpoch, ...data } = change;
      const channels = [threadChannel(change.threadId, channelEpoch)];
      return [{ event, channels, data: JSON.stringify(data) }];
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
