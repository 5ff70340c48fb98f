"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { ChevronLeftIcon, UsersIcon } from "./icons";

/** The thread's name, how many are in it, the members button and, on phones, the way back. */
export function ThreadHeader({
  titleId,
  title,
  subtitle,
  membersOpen,
  onOpenMembers,
  controls,
}: {
  titleId: string;
  title: string;
  subtitle: string;
  membersOpen: boolean;
  onOpenMembers: () => void;
  /** More controls before the members button (the auto-translate switch). */
  controls?: ReactNode;
}) {
  return (
    <header className="flex h-14 shrink-0 items-center gap-2 border-b border-zinc-200 px-2 md:px-5 dark:border-zinc-800">
      <Link
        href="/chat"
        className="inline-flex h-9 items-center gap-0.5 rounded-md pr-2 pl-1 text-sm font-medium text-indigo-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-indigo-500 md:hidden dark:text-indigo-300 dark:hover:bg-zinc-800"
      >
        <ChevronLeftIcon />
        Threads
      </Link>
      <div className="min-w-0 flex-1">
        <h1 id={titleId} className="truncate text-base leading-tight font-semibold">
          {title}
        </h1>
        <p className="truncate text-xs text-zinc-500 dark:text-zinc-400">{subtitle}</p>
      </div>
      {controls}
      <button
        type="button"
        aria-label="Members"
        aria-haspopup="dialog"
        aria-expanded={membersOpen}
        onClick={onOpenMembers}
        className="inline-flex h-9 items-center gap-1.5 rounded-md px-2.5 text-sm font-medium text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-indigo-500 aria-expanded:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:aria-expanded:bg-zinc-800"
      >
        <UsersIcon />
        <span className="hidden sm:inline" aria-hidden>
          Members
        </span>
      </button>
    </header>
  );
}
