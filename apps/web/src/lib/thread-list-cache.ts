import type { InfiniteData } from "@tanstack/react-query";
import type { ThreadListItem, ThreadListPage } from "./api-types";

// Pure edits of thread.list's cached pages, so a realtime event changes one row in place
// instead of refetching every page.

export type ThreadListData = InfiniteData<ThreadListPage, string | null | undefined>;

export function findThread(data: ThreadListData, threadId: string): ThreadListItem | undefined {
  for (const page of data.pages) {
    const item = page.items.find((thread) => thread.id === threadId);
    if (item) return item;
  }
  return undefined;
}

export function withoutThread(data: ThreadListData, threadId: string): ThreadListData {
  return {
    ...data,
    pages: data.pages.map((page) =>
      page.items.some((thread) => thread.id === threadId)
        ? { ...page, items: page.items.filter((thread) => thread.id !== threadId) }
        : page,
    ),
  };
}

/** The server's order: latest activity first, ties by id, both descending. */
function sortsBefore(a: ThreadListItem, b: ThreadListItem): boolean {
  const at = a.lastActivityAt.getTime() - b.lastActivityAt.getTime();
  return at > 0 || (at === 0 && a.id > b.id);
}

/**
 * The thread, new or changed, where it sorts among the loaded pages. One that sorts after
 * everything loaded while more pages remain is left for its own page to bring.
 */
export function withThreadPlaced(data: ThreadListData, item: ThreadListItem): ThreadListData {
  const pages = withoutThread(data, item.id).pages.map((page) => ({
    ...page,
    items: [...page.items],
  }));
  const page = pages.find((candidate) => candidate.items.some((other) => sortsBefore(item, other)));
  if (page) {
    page.items.splice(
      page.items.findIndex((other) => sortsBefore(item, other)),
      0,
      item,
    );
  } else if (pages.at(-1)?.nextCursor === null) {
    pages.at(-1)!.items.push(item);
  }
  return { ...data, pages };
}
