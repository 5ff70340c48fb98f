import { threadChannel } from "../contract/channels";
import { eventNames, parseEvent } from "../contract/events";
import type { ThreadTimeline } from "./thread-timeline";

/** The little of pusher-js this needs, so that the helper works with any version of it. */
export interface PusherLike {
  subscribe(channelName: string): {
    bind(event: string, callback: (data: unknown) => void): unknown;
    unbind_all(): unknown;
  };
  unsubscribe(channelName: string): void;
}

export interface FollowedThread {
  threadId: string;
  /** From `thread.get`; followed onwards when a member is removed. */
  channelEpoch: number;
  /** The signed-in user: once they are removed there is nothing more to follow. */
  userId?: string;
}

export interface ChannelRefusal {
  /** The channel refused: after a member's removal, an older epoch's may be refused. */
  channel: string;
  reason: string;
  status: number | null;
}

/** Where a followed thread's events go. */
export type ThreadFollower = Pick<ThreadTimeline, "handle" | "reconnected"> & {
  /**
   * The realtime server refused the thread's channel (its authorization, or the server's
   * limit of channels per connection): no live events will come for it.
   */
  refused?(refusal: ChannelRefusal): void;
};

/**
 * Feeds a thread's channel into a timeline. pusher-js resubscribes after every reconnect and
 * says so with `pusher:subscription_succeeded`: that is when the timeline fetches what it
 * missed (and, the first time, what happened since its first page). When a member is removed
 * the thread moves to channels of a new epoch, and this follows it there. Anything with the
 * timeline's `handle` and `reconnected` will do (the SDK feeds its own event sequencer); a
 * refused subscription is told to its `refused`, never dropped in silence.
 */
export function followThread(
  pusher: PusherLike,
  thread: FollowedThread,
  timeline: ThreadFollower,
): () => void {
  let channelName = "";
  let channel: ReturnType<PusherLike["subscribe"]> | undefined;
  const subscribe = (epoch: number) => {
    channelName = threadChannel(thread.threadId, epoch);
    channel = pusher.subscribe(channelName);
    for (const name of eventNames) channel.bind(name, (data) => timeline.handle(name, data));
    channel.bind("pusher:subscription_succeeded", () => void timeline.reconnected());
    const refusedChannel = channelName;
    channel.bind("pusher:subscription_error", (data) =>
      timeline.refused?.({ channel: refusedChannel, ...refusalOf(data) }),
    );
    channel.bind("member.removed", (data) => {
      const { userIds, channelEpoch } = parseEvent("member.removed", data);
      stop();
      if (!thread.userId || !userIds.includes(thread.userId)) subscribe(channelEpoch);
    });
  };
  const stop = () => {
    channel?.unbind_all();
    pusher.unsubscribe(channelName);
  };
  subscribe(thread.channelEpoch);
  return stop;
}

/** pusher-js hands on the server's `{type, error, status}`, or its own for a failed auth call. */
function refusalOf(data: unknown): Omit<ChannelRefusal, "channel"> {
  const { error, status } = (data ?? {}) as { error?: unknown; status?: unknown };
  return {
    reason: typeof error === "string" ? error : "the realtime server refused the channel",
    status: typeof status === "number" ? status : null,
  };
}
