"use client";

import type { ThreadTimeline } from "@spool/realtime/client";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef } from "react";
import { isActivity } from "@/lib/activity-text";
import type { Entry } from "@/lib/thread-rows";
import { useTRPC } from "@/lib/trpc";

/**
 * Keeps what is not history (members, topic, channel epoch) in step with the history, and
 * the other way round:
 * - a new member or topic activity refetches the members, the thread and the receipts;
 * - when `thread.get` has moved past the timeline, the timeline catches up: a change this
 *   tab made elsewhere (the members panel) is never announced back to this tab;
 * - when the members change, `thread.get` is refetched for its new channel epoch.
 */
export function useThreadSync({
  threadId,
  entries,
  timeline,
  lastSequence,
  memberIds,
}: {
  threadId: string;
  entries: Entry[];
  timeline: ThreadTimeline | null;
  lastSequence: number;
  memberIds: string[] | undefined;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();

  const latestActivity = useMemo(() => entries.findLast(isActivity)?.sequence ?? 0, [entries]);
  const knownActivity = useRef<number | null>(null);
  useEffect(() => {
    if (!timeline) return;
    const known = knownActivity.current;
    knownActivity.current = Math.max(known ?? 0, latestActivity);
    if (known === null || latestActivity <= known) return;
    for (const queryKey of [
      trpc.member.list.queryKey({ threadId }),
      trpc.thread.get.queryKey({ threadId }),
      trpc.receipt.list.queryKey({ threadId }),
    ]) {
      void queryClient.invalidateQueries({ queryKey });
    }
  }, [latestActivity, timeline, threadId, trpc, queryClient]);

  useEffect(() => {
    if (timeline && lastSequence > timeline.lastSequence) void timeline.catchUp();
  }, [timeline, lastSequence]);

  const members = memberIds?.join(",");
  const knownMembers = useRef(members);
  useEffect(() => {
    if (members === undefined || members === knownMembers.current) return;
    const first = knownMembers.current === undefined;
    knownMembers.current = members;
    if (!first)
      void queryClient.invalidateQueries({ queryKey: trpc.thread.get.queryKey({ threadId }) });
  }, [members, threadId, trpc, queryClient]);
}
