"use client";

import type { ThreadTimeline } from "@spool/realtime/client";
import { useCallback, useState } from "react";
import { describeApiError, type ApiFailure } from "@/lib/api-error";
import { overlayKey, type ReactionOverlay } from "@/lib/reaction-overlay";
import { useTRPCClient } from "@/lib/trpc";
import { recordOwnChange } from "./record-own-change";

/** Editing and deleting the user's own messages, and reacting to anyone's. */
export function useMessageChanges(
  timeline: ThreadTimeline | null,
  onFailure: (failure: ApiFailure, what: string) => void,
) {
  const trpcClient = useTRPCClient();
  const [overlay, setOverlay] = useState<ReactionOverlay>(new Map());

  /** Resolves when saved; rejects with the reason, for the editor to show. */
  const edit = useCallback(
    async (messageId: string, content: string) => {
      try {
        const message = await trpcClient.message.edit.mutate({ messageId, content });
        recordOwnChange(timeline, "message.edited", message);
      } catch (error) {
        throw new Error(describeApiError(error).message, { cause: error });
      }
    },
    [timeline, trpcClient],
  );

  const remove = useCallback(
    async (messageId: string) => {
      try {
        const message = await trpcClient.message.delete.mutate({ messageId });
        recordOwnChange(timeline, "message.deleted", message);
      } catch (error) {
        onFailure(describeApiError(error), "Couldn't delete the message");
      }
    },
    [timeline, trpcClient, onFailure],
  );

  // The reaction result carries no sequence, so it cannot stand in for the event this tab is
  // left out of: the overlay shows the change until a catch-up brings the message back.
  const toggleReaction = useCallback(
    async (messageId: string, emoji: string, mine: boolean) => {
      const key = overlayKey(messageId, emoji);
      // A second click while the first is in flight owns the overlay from then on.
      const change = { messageId, emoji, mine };
      setOverlay((current) => new Map(current).set(key, change));
      try {
        const input = { messageId, emoji };
        await (mine
          ? trpcClient.reaction.add.mutate(input)
          : trpcClient.reaction.remove.mutate(input));
        await timeline?.catchUp();
      } catch (error) {
        onFailure(describeApiError(error), "Couldn't change the reaction");
      } finally {
        setOverlay((current) => {
          if (current.get(key) !== change) return current;
          const next = new Map(current);
          next.delete(key);
          return next;
        });
      }
    },
    [timeline, trpcClient, onFailure],
  );

  return { overlay, edit, remove, toggleReaction };
}
