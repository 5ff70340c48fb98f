"use client";

import type { EventData } from "@spool/realtime/contract";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ReadHorizons } from "@/lib/read-horizons";
import { useTRPC } from "@/lib/trpc";

/** Read receipts go out at most this often while messages keep arriving. */
const markEveryMs = 1_000;

/**
 * Everyone's read horizon (from `receipt.list`, moved on by `read-receipt` events), and
 * `markReadUpTo` for the user's own: throttled, and only ever forward.
 */
export function useReadReceipts(threadId: string, meId: string) {
  const trpc = useTRPC();
  const list = useQuery(trpc.receipt.list.queryOptions({ threadId }, { refetchOnMount: "always" }));
  const [heard, setHeard] = useState<ReadonlyMap<string, number>>(new Map());

  const horizons: ReadHorizons = useMemo(() => {
    const merged = new Map<string, number>();
    for (const receipt of list.data ?? []) merged.set(receipt.userId, receipt.lastReadSequence);
    for (const [userId, sequence] of heard) {
      merged.set(userId, Math.max(sequence, merged.get(userId) ?? 0));
    }
    return merged;
  }, [list.data, heard]);

  const receive = useCallback((event: EventData<"read-receipt">) => {
    setHeard((current) =>
      (current.get(event.userId) ?? 0) >= event.lastReadSequence
        ? current
        : new Map(current).set(event.userId, event.lastReadSequence),
    );
  }, []);

  const { refetch } = list;
  const refresh = useCallback(() => void refetch(), [refetch]);

  const { mutate } = useMutation(trpc.receipt.markRead.mutationOptions());
  const marked = useRef(0);
  const wanted = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const mine = horizons.get(meId) ?? 0;

  const flush = useCallback(() => {
    const sequence = wanted.current;
    if (sequence <= Math.max(marked.current, mine)) return;
    marked.current = sequence;
    mutate({ threadId, sequence });
  }, [mine, mutate, threadId]);

  const markReadUpTo = useCallback(
    (sequence: number) => {
      wanted.current = Math.max(wanted.current, sequence);
      if (timer.current) return; // the trailing call sends it
      flush();
      timer.current = setTimeout(() => {
        timer.current = null;
        flush();
      }, markEveryMs);
    },
    [flush],
  );

  useEffect(() => () => clearTimeout(timer.current ?? undefined), []);

  return { horizons, receive, refresh, markReadUpTo };
}
