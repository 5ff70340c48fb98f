"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { titleOf } from "@/lib/thread-title";
import { useOwnThreadListChanges } from "@/lib/thread-list-own-changes";
import { useTRPC } from "@/lib/trpc";
import { useUserFeed, type LostThread } from "@/lib/user-feed";
import { useMe } from "./me-context";
import { useNotify } from "./notices";

function noticeFor({ reason }: LostThread, title: string | undefined): string {
  const name = title ? `“${title}”` : "a thread";
  if (reason === "deleted") return title ? `${name} was deleted.` : "A thread was deleted.";
  return reason === "left" ? `You left ${name}.` : `You were removed from ${name}.`;
}

/**
 * Keeps the thread list live for the whole chat layout, and when a thread goes away while it
 * is open, leaves it and says why. Renders nothing.
 */
export function LiveThreadList() {
  const me = useMe();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const notify = useNotify();

  const onLost = useCallback(
    (lost: LostThread) => {
      const members = queryClient.getQueryData(
        trpc.member.list.queryKey({ threadId: lost.threadId }),
      );
      const title = lost.thread && titleOf(lost.thread, members, me.id);
      // Leaving in another tab is no news unless this tab was showing the thread.
      if (lost.reason !== "left" || lost.wasViewing) notify(noticeFor(lost, title));
      if (lost.wasViewing) router.push("/chat");
    },
    [queryClient, trpc, me.id, notify, router],
  );

  useUserFeed(onLost);
  useOwnThreadListChanges();
  return null;
}
