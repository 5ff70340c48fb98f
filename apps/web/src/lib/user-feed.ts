"use client";

import { parseEvent, userChannel, type EventData, type EventName } from "@spool/realtime/contract";
import { useQueryClient } from "@tanstack/react-query";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { useMe } from "@/components/chat-shell/me-context";
import { useRealtime } from "@/components/realtime/realtime-provider";
import type { ThreadListItem } from "./api-types";
import { threadIdFromPath } from "./thread-path";
import { useThreadListSync } from "./thread-list-sync";
import { useTRPC } from "./trpc";

/** A thread the signed-in user no longer has. */
export interface LostThread {
  threadId: string;
  /** As the list last knew it; undefined when it was not loaded. */
  thread: ThreadListItem | undefined;
  reason: "removed" | "left" | "deleted";
  /** The tab was showing it. */
  wasViewing: boolean;
}

/**
 * Follows the signed-in user's own channel, which carries what their thread list needs:
 * threads added and removed, new messages anywhere, topics, and reads from their other tabs.
 */
export function useUserFeed(onLost: (lost: LostThread) => void): void {
  const { pusher } = useRealtime();
  const me = useMe();
  const sync = useThreadListSync();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pathname = usePathname();
  // Read by event handlers at the time of the event, without subscribing again.
  const latest = useRef({ viewing: threadIdFromPath(pathname), onLost });
  useEffect(() => {
    latest.current = { viewing: threadIdFromPath(pathname), onLost };
  });

  useEffect(() => {
    if (!pusher) return;
    const channelName = userChannel(me.id);
    const channel = pusher.subscribe(channelName);
    const unbinds: (() => void)[] = [];
    function on<Name extends EventName>(event: Name, handle: (data: EventData<Name>) => void) {
      const listener = (raw: unknown) => {
        let data: EventData<Name>;
        try {
          data = parseEvent(event, raw);
        } catch (error) {
          console.error(`Ignored a ${event} event that does not match the contract`, error);
          sync.refresh();
          return;
        }
        handle(data);
      };
      channel.bind(event, listener);
      unbinds.push(() => channel.unbind(event, listener));
    }
    const lose = (threadId: string, reason: LostThread["reason"]) => {
      const thread = sync.find(threadId);
      sync.threadGone(threadId);
      const wasViewing = latest.current.viewing === threadId;
      latest.current.onLost({ threadId, thread, reason, wasViewing });
    };

    on("thread.created", ({ thread }) => sync.threadAdded(thread));
    on("member.added", ({ threadId, userIds }) => {
      // The event names the thread but does not describe it: the list fetches it.
      if (userIds.includes(me.id)) sync.refresh();
      void queryClient.invalidateQueries(trpc.member.list.queryFilter({ threadId }));
    });
    on("message.created", ({ threadId, sequence, message }) => {
      // A thread open in a hidden tab is not being read: the thread view marks it read later.
      const seen = latest.current.viewing === threadId && document.visibilityState === "visible";
      const unread = message?.senderId !== me.id && !seen;
      sync.messageArrived(threadId, sequence, message, { unread });
    });
    on("thread.updated", ({ threadId, topic, sequence, message }) =>
      sync.topicChanged(threadId, topic, sequence, message?.createdAt ?? new Date()),
    );
    on("read-receipt", ({ threadId, userId, lastReadSequence }) => {
      if (userId === me.id) sync.read(threadId, lastReadSequence);
    });
    on("member.removed", ({ threadId, userIds, message }) => {
      if (!userIds.includes(me.id)) return;
      lose(threadId, message?.activity?.actorId === me.id ? "left" : "removed");
    });
    on("thread.deleted", ({ threadId }) => lose(threadId, "deleted"));

    // pusher-js subscribes again after every reconnect. Whatever the list fetched before that
    // moment may have missed events; the first time, the gap before the subscription was live.
    const onSubscribed = () => sync.refresh(Date.now());
    channel.bind("pusher:subscription_succeeded", onSubscribed);
    unbinds.push(() => channel.unbind("pusher:subscription_succeeded", onSubscribed));

    return () => {
      for (const unbind of unbinds) unbind();
      // Only this hook uses the user's channel (thread channels are shared with the thread view).
      pusher.unsubscribe(channelName);
    };
  }, [pusher, me.id, sync, trpc, queryClient]);
}
