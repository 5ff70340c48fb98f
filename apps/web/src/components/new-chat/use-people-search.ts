"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useDebouncedValue } from "@/lib/use-debounced-value";
import { useTRPC } from "@/lib/trpc";

/** People matching the text by name or username, looked up once typing pauses. */
export function usePeopleSearch(text: string) {
  const trpc = useTRPC();
  const query = useDebouncedValue(text.trim(), 250);
  const search = useQuery({
    ...trpc.user.search.queryOptions({ query, limit: 20 }),
    // Names change rarely, but a minute-old search may miss someone who just signed up.
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
  return { ...search, settled: query === text.trim() && !search.isPlaceholderData };
}
