"use client";

import { followThread, type ThreadTimeline } from "@spool/realtime/client";
import { parseEvent, type EventData } from "@spool/realtime/contract";
import type Pusher from "pusher-js";
import { useEffect, useEffectEvent, useRef } from "react";
import { sharedThreadChannel } from "@/lib/shared-thread-channel";

export interface ThreadEventHandlers {
  onTyping(event: EventData<"typing">): void;
  onReadReceipt(event: EventData<"read-receipt">): void;
  onThreadDeleted(): void;
  /** A message's translations, pushed for auto-translating readers. */
  onTranslated(event: EventData<"message.translated">): void;
  /** Someone was removed; the timeline shows the activity, this is for "was it me?". */
  onMemberRemoved(userIds: string[]): void;
  /** Subscribed again after a disconnect: what is not in the timeline (receipts) may be stale. */
  onSubscribed(): void;
  /** The channel refused us: we are no longer a member. */
  onForbidden(): void;
}

interface FollowOptions extends ThreadEventHandlers {
  pusher: Pusher | null;
  timeline: ThreadTimeline | null;
  threadId: string;
  meId: string;
  /** The epoch to start on: the one `thread.get` said when the view opened. */
  initialEpoch: number;
  /** The epoch `thread.get` says now. */
  currentEpoch: number;
}

/**
 * Follows the thread's channel into the timeline with `followThread`, and hands the events
 * that are not history (typing, receipts, deletion, removal) to the view.
 *
 * followThread moves to a new channel epoch when it hears `member.removed`, but the server
 * leaves out the connection that made a change, so a removal made from this tab (in the
 * members panel) is never heard here. A newer epoch from `thread.get` moves the follower too.
 */
export function useFollowThread(options: FollowOptions): void {
  const { pusher, timeline, threadId, meId, initialEpoch, currentEpoch } = options;
  const handlers = useEffectEvent((): ThreadEventHandlers => options);
  const moveTo = useRef<((epoch: number) => void) | null>(null);

  useEffect(() => {
    if (!pusher || !timeline) return;
    let followed = initialEpoch;
    let stop = () => {};
    const on =
      <Name extends "typing" | "read-receipt" | "member.removed" | "message.translated">(
        name: Name,
        handle: (event: EventData<Name>) => void,
      ) =>
      (data: unknown) => {
        try {
          handle(parseEvent(name, data));
        } catch {
          // Not what the contract says: nothing this view can use.
        }
      };
    const channels = sharedThreadChannel(pusher, {
      listeners: {
        typing: on("typing", (event) => handlers().onTyping(event)),
        "read-receipt": on("read-receipt", (event) => handlers().onReadReceipt(event)),
        "member.removed": on("member.removed", (event) =>
          handlers().onMemberRemoved(event.userIds),
        ),
        "thread.deleted": () => handlers().onThreadDeleted(),
        "message.translated": on("message.translated", (event) => handlers().onTranslated(event)),
        "pusher:subscription_succeeded": () => handlers().onSubscribed(),
        "pusher:subscription_error": (error) => {
          if ((error as { status?: number } | undefined)?.status === 403) handlers().onForbidden();
        },
      },
      onEpoch: (epoch) => (followed = epoch),
    });
    const follow = (epoch: number) => {
      stop();
      stop = followThread(channels, { threadId, channelEpoch: epoch, userId: meId }, timeline);
    };
    follow(initialEpoch);
    moveTo.current = (epoch) => {
      if (epoch > followed) follow(epoch);
    };
    return () => {
      moveTo.current = null;
      stop();
    };
  }, [pusher, timeline, threadId, meId, initialEpoch]);

  useEffect(() => moveTo.current?.(currentEpoch), [currentEpoch, timeline, pusher]);
}
