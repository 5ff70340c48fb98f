"use client";

import type { EventData } from "@spool/realtime/contract";
import { useMutation } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTRPC } from "@/lib/trpc";

/** At most one notification this often while the user types (the API allows 5 per 10 s). */
const notifyEveryMs = 3_000;
/** Someone stops "typing" this long after their last notification. */
const typingLastsMs = 6_000;

/** Tells the thread the user is typing, throttled; errors (rate limits) are of no interest. */
export function useTypingNotifier(threadId: string) {
  const trpc = useTRPC();
  const { mutate } = useMutation(trpc.typing.notify.mutationOptions());
  const lastSent = useRef(0);
  const typing = useCallback(() => {
    const now = Date.now();
    if (now - lastSent.current < notifyEveryMs) return;
    lastSent.current = now;
    mutate({ threadId });
  }, [mutate, threadId]);
  // A sent message ends "typing" for the others, so the next keystroke says so again at once.
  const sent = useCallback(() => {
    lastSent.current = 0;
  }, []);
  return { typing, sent };
}

export interface Typist {
  userId: string;
  name: string;
  /** The thread's sequence when they typed: a message of theirs after it means they sent. */
  sequence: number;
  until: number;
}

/** Who else is typing, from the thread's `typing` events, each for a few seconds. */
export function useTypists(meId: string) {
  const [typists, setTypists] = useState<Typist[]>([]);

  const receive = useCallback(
    (event: EventData<"typing">) => {
      if (event.userId === meId) return; // another tab of the same user
      const typist = { ...event, until: Date.now() + typingLastsMs };
      setTypists((current) => [...current.filter((t) => t.userId !== event.userId), typist]);
    },
    [meId],
  );

  useEffect(() => {
    if (typists.length === 0) return;
    const next = Math.min(...typists.map((t) => t.until));
    const timer = setTimeout(
      () => setTypists((current) => current.filter((t) => t.until > Date.now())),
      Math.max(0, next - Date.now()) + 50,
    );
    return () => clearTimeout(timer);
  }, [typists]);

  return { typists, receive };
}
