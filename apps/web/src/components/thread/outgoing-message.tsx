"use client";

import { memo } from "react";
import type { Outgoing } from "@/lib/thread-rows";
import { MessageBody } from "./message-body";
import { MessageFrame, PriorityBadge } from "./message-frame";
import { useThreadActions } from "./thread-actions";

/** A message on its way: muted and "Sending…", or "Not sent" with Retry and Discard. */
export const OutgoingMessage = memo(function OutgoingMessage({
  outgoing,
  startsGroup,
  senderName,
}: {
  outgoing: Outgoing;
  startsGroup: boolean;
  senderName: string;
}) {
  const actions = useThreadActions();
  const failed = outgoing.status === "failed";
  return (
    <MessageFrame
      senderId={actions.meId}
      senderName={senderName}
      createdAt={outgoing.createdAt}
      startsGroup={startsGroup}
      highlighted={outgoing.priority === "high"}
      badge={outgoing.priority === "high" && <PriorityBadge />}
      busy={!failed}
    >
      <div className="opacity-60">
        <MessageBody type="text" content={outgoing.content} />
      </div>
      {failed ? (
        <p className="mt-0.5 flex flex-wrap items-center gap-x-2 text-xs text-red-700 dark:text-red-300">
          <span title={outgoing.error}>Not sent —</span>
          <button
            type="button"
            onClick={() => actions.retrySend(outgoing.clientMessageId)}
            className="font-semibold underline underline-offset-2 hover:text-red-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:text-red-100"
          >
            Retry
          </button>
          <button
            type="button"
            onClick={() => actions.discardSend(outgoing.clientMessageId)}
            className="text-zinc-600 underline underline-offset-2 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-zinc-400 dark:hover:text-zinc-100"
          >
            Discard
          </button>
        </p>
      ) : (
        <p className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">Sending…</p>
      )}
    </MessageFrame>
  );
});
