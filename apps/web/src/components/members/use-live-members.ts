"use client";

import { threadChannel } from "@spool/realtime/contract";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useRealtime } from "@/components/realtime/realtime-provider";
import { useTRPC } from "@/lib/trpc";

const events = ["member.added", "member.removed", "thread.updated"] as const;

/** Refetches the thread and its members whenever someone changes them. */
export function useLiveMembers(threadId: string, channelEpoch: number | undefined) {
  const { pusher } = useRealtime();
  const trpc = useTRPC();
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!pusher || channelEpoch === undefined) return;
    // The thread view holds this subscription too, and pusher-js has one per channel name:
    // subscribing again is harmless, unsubscribing would cut the thread view off.
    pusher.subscribe(threadChannel(threadId, channelEpoch));
    const refresh = (data: unknown) => {
      if ((data as { threadId?: unknown } | null)?.threadId !== threadId) return;
      void queryClient.invalidateQueries(trpc.member.list.queryFilter({ threadId }));
      void queryClient.invalidateQueries(trpc.thread.get.queryFilter({ threadId }));
    };
    // Bound on the connection, not the channel object: the thread view replaces that object
    // (unbinding everything on it) when it moves to a new channel epoch.
    for (const event of events) pusher.bind(event, refresh);
    return () => {
      for (const event of events) pusher.unbind(event, refresh);
    };
  }, [pusher, threadId, channelEpoch, trpc, queryClient]);
}
