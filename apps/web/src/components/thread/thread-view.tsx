"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { isThreadGone } from "@/lib/api-error";
import { useTRPC } from "@/lib/trpc";
import { ThreadConversation } from "./thread-conversation";
import { ThreadSkeleton } from "./thread-skeleton";
import { ThreadUnavailable, type UnavailableReason } from "./thread-unavailable";

/**
 * `/chat/[threadId]`: the thread, or why there is none (not found, not a member, deleted or
 * removed while open) with the way back to the list.
 */
export function ThreadView({ threadId }: { threadId: string }) {
  const trpc = useTRPC();
  const [gone, setGone] = useState<UnavailableReason | null>(null);
  const thread = useQuery(
    trpc.thread.get.queryOptions(
      { threadId },
      {
        // Cached from an earlier visit it shows at once, and is checked again.
        refetchOnMount: "always",
        retry: (failures, error) => !isThreadGone(error) && failures < 2,
      },
    ),
  );

  if (gone) return <ThreadUnavailable reason={gone} />;
  if (thread.error) {
    return isThreadGone(thread.error) ? (
      <ThreadUnavailable reason="not-found" />
    ) : (
      <ThreadUnavailable reason="failed" onRetry={() => void thread.refetch()} />
    );
  }
  if (!thread.data) return <ThreadSkeleton />;
  return <ThreadConversation thread={thread.data} onGone={setGone} />;
}
