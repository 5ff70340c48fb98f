"use client";

import { Avatar } from "@spool/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { format } from "date-fns";
import type { ThreadMember } from "@/lib/api-types";
import { useTRPC } from "@/lib/trpc";
import { ConfirmAction } from "./confirm-action";
import { describeApiError } from "@/lib/api-error";

/** One member: who, their role, since when, and for an owner a way to remove them. */
export function MemberRow({
  threadId,
  member,
  isMe,
  canRemove,
}: {
  threadId: string;
  member: ThreadMember;
  isMe: boolean;
  canRemove: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // This tab hears no event for its own change, so it refetches what the removal changed.
  const remove = useMutation(
    trpc.member.remove.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries(trpc.member.list.queryFilter({ threadId }));
        void queryClient.invalidateQueries(trpc.thread.get.queryFilter({ threadId }));
      },
    }),
  );

  return (
    <li className="flex flex-wrap items-center gap-3 py-2">
      <Avatar name={member.name} seed={member.userId} />
      <div className="min-w-0 flex-1">
        <p className="flex items-center gap-2">
          <span className="truncate font-medium">
            {member.name}
            {isMe && <span className="font-normal text-zinc-500 dark:text-zinc-400"> (you)</span>}
          </span>
          {member.role === "owner" && (
            <span className="shrink-0 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-200">
              owner
            </span>
          )}
        </p>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          Joined{" "}
          <time dateTime={member.joinedAt.toISOString()} title={format(member.joinedAt, "PPPp")}>
            {format(member.joinedAt, "d MMM yyyy")}
          </time>
        </p>
      </div>
      {canRemove && (
        <ConfirmAction
          label="Remove"
          ariaLabel={`Remove ${member.name}`}
          question={`Remove ${member.name}?`}
          confirmLabel="Remove"
          pending={remove.isPending}
          error={remove.error ? describeApiError(remove.error).message : undefined}
          onConfirm={() => remove.mutate({ threadId, userId: member.userId })}
        />
      )}
    </li>
  );
}
