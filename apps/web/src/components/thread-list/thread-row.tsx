"use client";

import { Avatar, cx } from "@spool/ui";
import type { Route } from "next";
import Link from "next/link";
import { useId } from "react";
import type { ThreadListItem } from "@/lib/api-types";
import { useThreadTitle } from "@/lib/thread-title";
import { LastMessagePreview } from "./last-message-preview";
import { RelativeTime } from "./relative-time";
import { UnreadBadge } from "./unread-badge";

/**
 * One thread: a link named by its title alone (so it is easy to find by name), described by
 * its last message, time and unread count.
 */
export function ThreadRow({ thread, current }: { thread: ThreadListItem; current: boolean }) {
  const { title, other } = useThreadTitle(thread);
  const id = useId();
  const unread = thread.unreadCount > 0;
  const details = [`${id}-preview`, `${id}-time`, unread && `${id}-unread`];
  return (
    <li>
      <Link
        href={`/chat/${thread.id}` as Route}
        aria-current={current ? "page" : undefined}
        aria-labelledby={`${id}-title`}
        aria-describedby={details.filter(Boolean).join(" ")}
        className={cx(
          "flex items-center gap-3 px-3 py-2.5 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-500",
          current
            ? "bg-indigo-50 dark:bg-indigo-950/60"
            : "hover:bg-zinc-100 dark:hover:bg-zinc-900",
        )}
      >
        <Avatar name={title} seed={other?.userId ?? thread.id} className="size-10 text-sm" />
        <span className="flex min-w-0 flex-1 flex-col gap-0.5">
          <span className="flex items-baseline gap-2">
            <span
              id={`${id}-title`}
              className={cx("min-w-0 flex-1 truncate", unread ? "font-semibold" : "font-medium")}
            >
              {title}
            </span>
            <RelativeTime
              id={`${id}-time`}
              date={thread.lastActivityAt}
              className={cx(
                "shrink-0 text-xs",
                unread
                  ? "text-indigo-700 dark:text-indigo-300"
                  : "text-zinc-500 dark:text-zinc-400",
              )}
            />
          </span>
          <span className="flex items-center gap-2 text-sm">
            <LastMessagePreview
              id={`${id}-preview`}
              thread={thread}
              className={
                unread ? "text-zinc-900 dark:text-zinc-100" : "text-zinc-600 dark:text-zinc-400"
              }
            />
            <UnreadBadge
              id={`${id}-unread`}
              count={thread.unreadCount}
              highPriority={thread.unreadHighPriorityCount}
            />
          </span>
        </span>
      </Link>
    </li>
  );
}
