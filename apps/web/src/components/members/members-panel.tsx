"use client";

import { Button } from "@spool/ui";
import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { useMe } from "@/components/chat-shell/me-context";
import { titleOf } from "@/lib/thread-title";
import { useTRPC } from "@/lib/trpc";
import { AddPeople } from "./add-people";
import { MemberList } from "./member-list";
import { ThreadActions } from "./thread-actions";
import { TopicEditor } from "./topic-editor";
import { useLiveMembers } from "./use-live-members";
import { useModalDialog } from "./use-modal-dialog";
import { describeApiError } from "@/lib/api-error";

/**
 * The thread's members: list, add, remove, leave, and its topic. A modal side panel: render
 * it to open it, and unmount it when `onClose` is called (Escape, Close, a click outside).
 */
export function MembersPanel({ threadId, onClose }: { threadId: string; onClose: () => void }) {
  const trpc = useTRPC();
  const me = useMe();
  const dialog = useModalDialog(onClose);
  const headingId = useId();
  const thread = useQuery(trpc.thread.get.queryOptions({ threadId }));
  const members = useQuery(trpc.member.list.queryOptions({ threadId }));
  useLiveMembers(threadId, thread.data?.channelEpoch);

  const error = thread.error ?? members.error;
  const isOwner = members.data?.some((m) => m.userId === me.id && m.role === "owner") ?? false;

  return (
    <dialog
      ref={dialog}
      aria-labelledby={headingId}
      className="fixed inset-y-0 right-0 left-auto m-0 h-dvh max-h-none w-full max-w-md overflow-y-auto bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-zinc-950/40 dark:bg-zinc-950 dark:text-zinc-100 dark:ring-1 dark:ring-zinc-800"
    >
      <div className="flex min-h-full flex-col">
        <header className="flex items-center justify-between gap-3 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
          <h2 id={headingId} className="text-lg font-semibold">
            Members
          </h2>
          <Button look="ghost" onClick={onClose}>
            Close
          </Button>
        </header>
        {error ? (
          <p role="alert" className="p-4 text-sm text-red-600 dark:text-red-400">
            {describeApiError(error).message}
          </p>
        ) : !thread.data || !members.data ? (
          <p className="p-4 text-sm text-zinc-500 dark:text-zinc-400">Loading…</p>
        ) : (
          <div className="flex flex-1 flex-col gap-6 p-4">
            <TopicEditor threadId={threadId} topic={thread.data.topic} />
            <MemberList
              threadId={threadId}
              members={members.data}
              meId={me.id}
              canRemoveOthers={isOwner && thread.data.kind === "group"}
            />
            {thread.data.kind === "group" && (
              <AddPeople threadId={threadId} members={members.data} />
            )}
            <div className="mt-auto border-t border-zinc-200 pt-4 dark:border-zinc-800">
              <ThreadActions
                threadId={threadId}
                title={titleOf(thread.data, members.data, me.id)}
                kind={thread.data.kind}
                isOwner={isOwner}
              />
            </div>
          </div>
        )}
      </div>
    </dialog>
  );
}
