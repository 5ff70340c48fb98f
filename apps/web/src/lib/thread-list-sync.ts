"use client";

import { limits } from "@spool/api/limits";
import { useQueryClient, type QueryClient, type QueryKey } from "@tanstack/react-query";
import { useMemo } from "react";
import type { ThreadListItem } from "./api-types";
import {
  findThread,
  withoutThread,
  withThreadPlaced,
  type ThreadListData,
} from "./thread-list-cache";
import { useTRPC } from "./trpc";

type ListMessage = NonNullable<ThreadListItem["lastMessage"]>;
type ThreadFields = Omit<ThreadListItem, "unreadCount" | "unreadHighPriorityCount" | "lastMessage">;

/**
 * Keeps every cached thread.list (the full list and any topic filter) in step with changes
 * the tab learns of, from realtime events or its own calls. A change that cannot be applied
 * exactly refetches that list instead, so the list is never wrong for long.
 */
export interface ThreadListSync {
  /** A new text message (or null when the event was too large to carry it). */
  messageArrived(
    threadId: string,
    sequence: number,
    message: ListMessage | null,
    options: { unread: boolean },
  ): void;
  /** An edit or delete: only matters when it is a thread's last message. */
  messageChanged(message: ListMessage): void;
  /** The signed-in user's read horizon moved (in this tab or another). */
  read(threadId: string, lastReadSequence: number): void;
  topicChanged(threadId: string, topic: string, sequence: number, at: Date): void;
  threadAdded(thread: ThreadFields): void;
  threadGone(threadId: string): void;
  find(threadId: string): ThreadListItem | undefined;
  /** Refetches the lists; `olderThan` only those last fetched or edited before it. */
  refresh(olderThan?: number): void;
}

export function useThreadListSync(): ThreadListSync {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMemo(
    () => createThreadListSync(queryClient, trpc.thread.list.infiniteQueryKey()),
    [queryClient, trpc],
  );
}

/** The server counts unread up to the cap (shown as "99+"); so does this tab. */
const upToCap = (count: number) => Math.min(count, limits.unreadCountCap);

const isText = (message: ListMessage) => message.type === "text" || message.type === "html";

function createThreadListSync(queryClient: QueryClient, listKey: QueryKey): ThreadListSync {
  const refetch = (queryKey: QueryKey) =>
    void queryClient.invalidateQueries({ queryKey, exact: true });

  /** Visits each loaded list; `edit` returns the new data, or "refetch". */
  function eachList(
    edit: (data: ThreadListData, filtered: boolean) => ThreadListData | "refetch" | undefined,
  ) {
    for (const query of queryClient.getQueryCache().findAll({ queryKey: listKey })) {
      const data = query.state.data as ThreadListData | undefined;
      if (!data) continue;
      // An answer on its way may predate this change and would overwrite the edit.
      if (query.state.fetchStatus === "fetching") {
        refetch(query.queryKey);
        continue;
      }
      const filter = (query.queryKey[1] as { input?: { topic?: string } } | undefined)?.input;
      const result = edit(data, Boolean(filter?.topic));
      if (result === "refetch") refetch(query.queryKey);
      else if (result) queryClient.setQueryData(query.queryKey, result);
    }
  }

  const hasMore = (data: ThreadListData) => data.pages.at(-1)?.nextCursor != null;

  return {
    messageArrived(threadId, sequence, message, { unread }) {
      eachList((data, filtered) => {
        const item = findThread(data, threadId);
        // Not loaded: past the loaded pages, new to this tab, or (filtered) not matching.
        if (!item) return !filtered || hasMore(data) ? "refetch" : undefined;
        if (item.lastSequence >= sequence) return undefined; // this list already has it
        if (!message) return "refetch";
        const high = unread && message.priority === "high";
        return withThreadPlaced(data, {
          ...item,
          lastSequence: sequence,
          lastActivityAt: message.createdAt,
          lastMessage: isText(message) ? message : item.lastMessage,
          unreadCount: upToCap(item.unreadCount + (unread ? 1 : 0)),
          unreadHighPriorityCount: upToCap(item.unreadHighPriorityCount + (high ? 1 : 0)),
        });
      });
    },

    messageChanged(message) {
      eachList((data) => {
        const item = findThread(data, message.threadId);
        const last = item?.lastMessage;
        if (!item || last?.id !== message.id || last.version >= message.version) return undefined;
        return withThreadPlaced(data, { ...item, lastMessage: message });
      });
    },

    read(threadId, lastReadSequence) {
      eachList((data) => {
        const item = findThread(data, threadId);
        if (!item) return undefined;
        // Read past what the list knows: the thread has moved on (e.g. this tab's own send).
        if (lastReadSequence > item.lastSequence) return "refetch";
        if (item.unreadCount === 0) return undefined;
        // Unread counts only text from others; past the last one, nothing is left unread.
        if (item.lastMessage && item.lastMessage.sequence > lastReadSequence) return "refetch";
        return withThreadPlaced(data, { ...item, unreadCount: 0, unreadHighPriorityCount: 0 });
      });
    },

    topicChanged(threadId, topic, sequence, at) {
      eachList((data, filtered) => {
        // The new topic may now match a filter or stop matching it: the server decides.
        if (filtered) return "refetch";
        const item = findThread(data, threadId);
        if (!item) return "refetch";
        if (item.lastSequence >= sequence) return undefined;
        return withThreadPlaced(data, {
          ...item,
          topic,
          lastSequence: sequence,
          lastActivityAt: at,
        });
      });
    },

    threadAdded(thread) {
      eachList((data, filtered) => {
        if (filtered) return "refetch";
        if (findThread(data, thread.id)) return undefined;
        return withThreadPlaced(data, {
          ...thread,
          unreadCount: 0,
          unreadHighPriorityCount: 0,
          lastMessage: null,
        });
      });
    },

    threadGone(threadId) {
      eachList((data) => (findThread(data, threadId) ? withoutThread(data, threadId) : undefined));
    },

    find(threadId) {
      for (const [, data] of queryClient.getQueriesData<ThreadListData>({ queryKey: listKey })) {
        const item = data && findThread(data, threadId);
        if (item) return item;
      }
      return undefined;
    },

    refresh(olderThan) {
      void queryClient.invalidateQueries({
        queryKey: listKey,
        predicate: (query) => olderThan === undefined || query.state.dataUpdatedAt < olderThan,
      });
    },
  };
}
