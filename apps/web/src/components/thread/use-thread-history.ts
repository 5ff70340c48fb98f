"use client";

import { ThreadTimeline } from "@spool/realtime/client";
import { useCallback, useEffect, useEffectEvent, useReducer, useRef, useState } from "react";
import { isThreadGone } from "@/lib/api-error";
import type { Entry } from "@/lib/thread-rows";
import { useTRPCClient } from "@/lib/trpc";

const firstPageSize = 50;
const olderPageSize = 50;
const catchUpPageSize = 100;
/** A catch-up that failed is tried again after this, in case no event comes to trigger it. */
const catchUpRetryMs = 5_000;

export interface ThreadHistory {
  status: "loading" | "ready" | "failed";
  /** The first page and the older pages loaded by scrolling up. */
  older: Entry[];
  /** Everything the timeline has seen since the first page (events and catch-ups). */
  live: Entry[];
  timeline: ThreadTimeline | null;
  hasOlder: boolean;
  loadingOlder: boolean;
  olderFailed: boolean;
  loadOlder(): void;
  /** After `status: "failed"`: load the first page again. */
  retry(): void;
}

interface Loaded {
  older: Entry[];
  before: number | null;
  timeline: ThreadTimeline;
  live: Entry[];
}

/**
 * A thread's messages: the newest page first, older pages as the user scrolls up, and a
 * ThreadTimeline seeded after the first page that the realtime follower keeps complete.
 */
export function useThreadHistory(threadId: string, meId: string, onGone: () => void) {
  const trpcClient = useTRPCClient();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, nextAttempt] = useReducer((count: number) => count + 1, 0);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [olderFailed, setOlderFailed] = useState(false);
  const loadingOlderRef = useRef(false);
  const gone = useEffectEvent(onGone);

  useEffect(() => {
    let active = true;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    trpcClient.message.list.query({ threadId, limit: firstPageSize }).then(
      (first) => {
        if (!active) return;
        const timeline: ThreadTimeline = new ThreadTimeline({
          userId: meId,
          startAfter: first.threadSequence,
          fetchAfter: (after) =>
            trpcClient.message.list.query({ threadId, after, limit: catchUpPageSize }),
          onChange: () => {
            if (active) setLoaded((state) => state && { ...state, live: timeline.entries() });
          },
          onError: (error) => {
            if (!active) return;
            if (isThreadGone(error)) return gone();
            clearTimeout(retryTimer);
            retryTimer = setTimeout(() => void timeline.catchUp(), catchUpRetryMs);
          },
        });
        setLoaded({ older: first.items, before: first.nextCursor, timeline, live: [] });
      },
      (error: unknown) => {
        if (!active) return;
        if (isThreadGone(error)) gone();
        else setFailed(true);
      },
    );
    return () => {
      active = false;
      clearTimeout(retryTimer);
    };
  }, [threadId, meId, trpcClient, attempt]);

  const before = loaded?.before ?? null;
  const loadOlder = useCallback(() => {
    if (before === null || loadingOlderRef.current) return;
    loadingOlderRef.current = true;
    setLoadingOlder(true);
    setOlderFailed(false);
    trpcClient.message.list
      .query({ threadId, before, limit: olderPageSize })
      .then(
        (page) =>
          setLoaded(
            (state) =>
              state && {
                ...state,
                older: [...page.items, ...state.older],
                before: page.nextCursor,
              },
          ),
        (error: unknown) => (isThreadGone(error) ? gone() : setOlderFailed(true)),
      )
      .finally(() => {
        loadingOlderRef.current = false;
        setLoadingOlder(false);
      });
  }, [before, threadId, trpcClient]);

  const retry = useCallback(() => {
    setFailed(false);
    nextAttempt();
  }, []);

  return {
    status: loaded ? "ready" : failed ? "failed" : "loading",
    older: loaded?.older ?? noEntries,
    live: loaded?.live ?? noEntries,
    timeline: loaded?.timeline ?? null,
    hasOlder: before !== null,
    loadingOlder,
    olderFailed,
    loadOlder,
    retry,
  } satisfies ThreadHistory;
}

const noEntries: Entry[] = [];
