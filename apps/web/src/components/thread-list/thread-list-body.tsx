"use client";

import { Button } from "@spool/ui";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { threadIdFromPath } from "@/lib/thread-path";
import { LoadMore } from "./load-more";
import { ThreadRow } from "./thread-row";
import { useThreadListQuery } from "./use-thread-list-query";

function Message({ children }: { children: ReactNode }) {
  return (
    <p className="px-4 py-6 text-center text-sm text-zinc-500 dark:text-zinc-400">{children}</p>
  );
}

/** The threads themselves, with what to show while loading, on failure and when there are none. */
export function ThreadListBody({ topic }: { topic: string }) {
  const current = threadIdFromPath(usePathname());
  const list = useThreadListQuery(topic);

  if (list.isPending) return <Message>Loading threads…</Message>;
  if (list.isError && !list.data) {
    return (
      <div role="alert" className="flex flex-col items-center gap-2 px-4 py-6 text-sm">
        <p>Your threads could not be loaded.</p>
        <Button look="secondary" onClick={() => void list.refetch()}>
          Try again
        </Button>
      </div>
    );
  }
  const threads = list.data.pages.flatMap((page) => page.items);
  if (threads.length === 0) {
    return (
      <Message>
        {topic ? `No threads match “${topic}”.` : "No chats yet. Start one with New chat."}
      </Message>
    );
  }
  return (
    <>
      <ul aria-busy={list.isPlaceholderData || undefined}>
        {threads.map((thread) => (
          <ThreadRow key={thread.id} thread={thread} current={thread.id === current} />
        ))}
      </ul>
      {list.hasNextPage && (
        <LoadMore loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} />
      )}
    </>
  );
}
