"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useNotify } from "@/components/chat-shell/notices";
import { useTRPC } from "@/lib/trpc";
import { ConfirmAction } from "./confirm-action";
import { describeApiError } from "@/lib/api-error";

/**
 * Leaving a group, and deleting the thread for everyone (owners). Either way the thread is
 * gone for this user: back to the list, which drops it when the call succeeds.
 */
export function ThreadActions({
  threadId,
  title,
  kind,
  isOwner,
}: {
  threadId: string;
  title: string;
  kind: "direct" | "group";
  isOwner: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const notify = useNotify();
  const away = (text: string) => {
    notify(text);
    router.push("/chat");
  };
  const leave = useMutation(
    trpc.member.leave.mutationOptions({ onSuccess: () => away(`You left “${title}”.`) }),
  );
  const remove = useMutation(
    trpc.thread.delete.mutationOptions({ onSuccess: () => away(`“${title}” was deleted.`) }),
  );

  return (
    <div className="flex flex-col items-end gap-3">
      {kind === "group" ? (
        <ConfirmAction
          label="Leave thread"
          question={`Leave “${title}”? You will stop getting its messages.`}
          confirmLabel="Leave"
          pending={leave.isPending}
          error={leave.error ? describeApiError(leave.error).message : undefined}
          onConfirm={() => leave.mutate({ threadId })}
        />
      ) : (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          {isOwner ? "A 1:1 chat cannot be left, only deleted." : "A 1:1 chat cannot be left."}
        </p>
      )}
      {isOwner && (
        <ConfirmAction
          label="Delete thread"
          look="danger"
          question="Delete it and all its messages for everyone? This cannot be undone."
          confirmLabel="Delete for everyone"
          pending={remove.isPending}
          error={remove.error ? describeApiError(remove.error).message : undefined}
          onConfirm={() => remove.mutate({ threadId })}
        />
      )}
    </div>
  );
}
