"use client";

import { hashKey, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { RouterInputs, RouterOutputs } from "./api-types";
import { useThreadListSync } from "./thread-list-sync";
import { useTRPC } from "./trpc";

/**
 * The tab's own changes, as seen through its mutations. Realtime leaves out the connection
 * that made a change (it already knows), so the thread list follows this tab's sends, reads,
 * renames, new threads and departures here, whichever component made them.
 */
export function useOwnThreadListChanges(): void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sync = useThreadListSync();

  useEffect(() => {
    const key = (mutationKey: readonly unknown[]) => hashKey(mutationKey);
    const keys = {
      send: key(trpc.message.send.mutationKey()),
      edit: key(trpc.message.edit.mutationKey()),
      delete: key(trpc.message.delete.mutationKey()),
      markRead: key(trpc.receipt.markRead.mutationKey()),
      updateTopic: key(trpc.thread.updateTopic.mutationKey()),
      create: key(trpc.thread.create.mutationKey()),
      deleteThread: key(trpc.thread.delete.mutationKey()),
      leave: key(trpc.member.leave.mutationKey()),
    };
    return queryClient.getMutationCache().subscribe((event) => {
      if (event.type !== "updated" || event.action.type !== "success") return;
      const { mutationKey } = event.mutation.options;
      if (!mutationKey) return;
      // The key says which procedure ran, and so what its data and variables are.
      const data: unknown = event.action.data;
      const variables: unknown = event.mutation.state.variables;
      switch (key(mutationKey)) {
        case keys.send: {
          const message = data as RouterOutputs["message"]["send"];
          sync.messageArrived(message.threadId, message.sequence, message, { unread: false });
          break;
        }
        case keys.edit:
        case keys.delete:
          sync.messageChanged(data as RouterOutputs["message"]["edit"]);
          break;
        case keys.markRead: {
          const { threadId } = variables as RouterInputs["receipt"]["markRead"];
          sync.read(threadId, (data as RouterOutputs["receipt"]["markRead"]).lastReadSequence);
          break;
        }
        case keys.updateTopic: {
          const thread = data as RouterOutputs["thread"]["updateTopic"];
          sync.topicChanged(thread.id, thread.topic, thread.lastSequence, thread.lastActivityAt);
          break;
        }
        case keys.create:
          sync.threadAdded((data as RouterOutputs["thread"]["create"]).thread);
          break;
        case keys.deleteThread:
        case keys.leave:
          sync.threadGone((variables as RouterInputs["thread"]["delete"]).threadId);
          break;
      }
    });
  }, [trpc, queryClient, sync]);
}
