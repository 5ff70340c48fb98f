import { eventNames } from "../contract/events";
import type { ThreadTimeline } from "./thread-timeline";

/** The little of pusher-js this needs, so that the helper works with any version of it. */
export interface PusherLike {
  subscribe(channelName: string): {
    bind(event: string, callback: (data: unknown) => void): unknown;
    unbind_all(): unknown;
  };
  unsubscribe(channelName: string): void;
}

/**
 * Feeds a thread channel's events into a timeline. pusher-js resubscribes after every
 * reconnect and says so with `pusher:subscription_succeeded`: that is when the timeline
 * fetches what it missed (and, the first time, what happened since its first page).
 */
export function followThread(
  pusher: PusherLike,
  channelName: string,
  timeline: ThreadTimeline,
): () => void {
  const channel = pusher.subscribe(channelName);
  for (const name of eventNames) channel.bind(name, (data) => timeline.handle(name, data));
  channel.bind("pusher:subscription_succeeded", () => void timeline.reconnected());
  return () => {
    channel.unbind_all();
    pusher.unsubscribe(channelName);
  };
}
