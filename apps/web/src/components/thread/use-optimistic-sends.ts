"use client";

import type { ThreadTimeline } from "@spool/realtime/client";
import { useCallback, useEffect, useRef, useState } from "react";
import { describeApiError, type ApiFailure } from "@/lib/api-error";
import { newClientMessageId } from "@/lib/client-message-id";
import type { Entry, Outgoing } from "@/lib/thread-rows";
import { useTRPCClient } from "@/lib/trpc";
import { recordOwnChange } from "./record-own-change";

/**
 * Messages show the moment they are sent, as pending, and give way to the server's copy
 * (matched by clientMessageId) once it exists. Sends go one at a time so that the thread
 * stores them in the order they were written; a retry reuses the clientMessageId, so the
 * server answers with the original instead of storing a copy.
 */
export function useOptimisticSends(
  threadId: string,
  timeline: ThreadTimeline | null,
  onFailure: (failure: ApiFailure) => void,
) {
  const trpcClient = useTRPCClient();
  const [outgoing, setOutgoing] = useState<Outgoing[]>([]);
  // The server's copies from the send results: shown until the timeline has them too.
  const [sent, setSent] = useState<Entry[]>([]);
  const queue = useRef<Promise<void>>(Promise.resolve());

  const update = (clientMessageId: string, change: Partial<Outgoing>) =>
    setOutgoing((items) =>
      items.map((item) =>
        item.clientMessageId === clientMessageId ? { ...item, ...change } : item,
      ),
    );

  const deliver = useCallback(
    (item: Outgoing) => {
      const { clientMessageId, content, priority } = item;
      queue.current = queue.current.then(async () => {
        try {
          const message = await trpcClient.message.send.mutate({
            threadId,
            content,
            priority,
            clientMessageId,
          });
          setSent((messages) => [...messages, message]);
          setOutgoing((items) => items.filter((i) => i.clientMessageId !== clientMessageId));
          recordOwnChange(timeline, "message.created", message);
        } catch (error) {
          const failure = describeApiError(error);
          update(clientMessageId, { status: "failed", error: failure.message });
          onFailure(failure);
        }
      });
    },
    [threadId, timeline, trpcClient, onFailure],
  );

  const send = useCallback(
    (content: string, priority: Outgoing["priority"]) => {
      const item: Outgoing = {
        clientMessageId: newClientMessageId(),
        content,
        priority,
        createdAt: new Date(),
        status: "sending",
      };
      setOutgoing((items) => [...items, item]);
      deliver(item);
    },
    [deliver],
  );

  // Read through a ref, so that `retry` stays the same function and rows need not re-render.
  const current = useRef(outgoing);
  useEffect(() => {
    current.current = outgoing;
  }, [outgoing]);

  const retry = useCallback(
    (clientMessageId: string) => {
      const item = current.current.find((i) => i.clientMessageId === clientMessageId);
      if (!item || item.status !== "failed") return;
      update(clientMessageId, { status: "sending", error: undefined });
      deliver(item);
    },
    [deliver],
  );

  const discard = useCallback((clientMessageId: string) => {
    setOutgoing((items) => items.filter((i) => i.clientMessageId !== clientMessageId));
  }, []);

  return { outgoing, sent, send, retry, discard };
}
