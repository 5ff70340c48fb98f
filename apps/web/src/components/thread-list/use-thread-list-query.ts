"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";

const PAGE_SIZE = 30;

/** The caller's threads, a page at a time; `topic` narrows them (empty: all). */
export function useThreadListQuery(topic: string) {
  const trpc = useTRPC();
  return useInfiniteQuery(
    trpc.thread.list.infiniteQueryOptions(
      { limit: PAGE_SIZE, topic: topic || undefined },
      {
        getNextPageParam: (page) => page.nextCursor ?? undefined,
        // While a new filter loads, the old results stay rather than a blank list.
        placeholderData: keepPreviousData,
      },
    ),
  );
}
