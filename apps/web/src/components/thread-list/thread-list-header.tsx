"use client";

import { Avatar, Button } from "@spool/ui";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { signOut } from "next-auth/react";
import { useMe } from "@/components/chat-shell/me-context";

/** Who is signed in, and what to do from anywhere: start a chat, settings, sign out. */
export function ThreadListHeader() {
  const me = useMe();
  const pathname = usePathname();
  const atNewChat = pathname === "/chat/new";
  return (
    <div className="flex items-center gap-2 border-b border-zinc-200 px-3 py-2.5 dark:border-zinc-800">
      <Avatar name={me.name} seed={me.id} />
      <p className="min-w-0 flex-1 truncate text-sm font-medium">
        <span className="sr-only">Signed in as </span>
        {me.name}
      </p>
      <Link
        href="/chat/new"
        aria-current={atNewChat ? "page" : undefined}
        className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500"
      >
        New chat
      </Link>
      <Link
        href="/chat/settings"
        aria-current={pathname === "/chat/settings" ? "page" : undefined}
        className="rounded-md px-2 py-1.5 text-sm font-medium text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-zinc-300 dark:hover:bg-zinc-800"
      >
        Settings
      </Link>
      <Button look="ghost" onClick={() => void signOut({ callbackUrl: "/sign-in" })}>
        Sign out
      </Button>
    </div>
  );
}
