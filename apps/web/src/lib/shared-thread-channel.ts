import type { PusherLike } from "@spool/realtime/client";
import { parseChannel } from "@spool/realtime/contract";
import type Pusher from "pusher-js";

type Listener = (data: unknown) => void;

export interface SharedChannelOptions {
  /** More handlers for every channel the thread is followed on (typing, receipts, …). */
  listeners: Record<string, Listener>;
  /** The channel epoch followed now: it moves on when a member is removed. */
  onEpoch?(epoch: number): void;
}

/**
 * `followThread` for a channel other components may hold too (the members panel binds the
 * same name, and pusher-js keeps one channel object per name):
 * - stopping unbinds only the handlers bound through here, never the other components';
 * - a channel that is already subscribed never announces `pusher:subscription_succeeded`
 *   again, so the handler is called at once, and the timeline still catches up.
 */
export function sharedThreadChannel(pusher: Pusher, options: SharedChannelOptions): PusherLike {
  return {
    subscribe(channelName) {
      const channel = pusher.subscribe(channelName);
      const bound: [string, Listener][] = [];
      const bind = (event: string, listener: Listener) => {
        channel.bind(event, listener);
        bound.push([event, listener]);
      };
      // Bound first, so that they hear a removal before followThread stops listening.
      for (const [event, listener] of Object.entries(options.listeners)) bind(event, listener);
      const parsed = parseChannel(channelName);
      if (parsed?.kind === "thread") options.onEpoch?.(parsed.epoch);
      return {
        bind(event, listener) {
          bind(event, listener);
          if (event === "pusher:subscription_succeeded" && channel.subscribed) {
            queueMicrotask(() => listener(undefined));
          }
        },
        unbind_all() {
          for (const [event, listener] of bound.splice(0)) channel.unbind(event, listener);
        },
      };
    },
    unsubscribe(channelName) {
      pusher.unsubscribe(channelName);
    },
  };
}
