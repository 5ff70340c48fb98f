"use client";

import { useCallback, useEffect, useState } from "react";

const storageKey = (threadId: string) => `spool:draft:${threadId}`;

/**
 * The composer's text, kept per thread for the session: switching threads and coming back
 * finds what was being written.
 */
export function useDraft(threadId: string) {
  const [text, setText] = useState("");

  useEffect(() => {
    // Storage is only in the browser, so the draft comes back after the first render.
    const saved = sessionStorage.getItem(storageKey(threadId));
    if (saved) setText(saved);
  }, [threadId]);

  const update = useCallback(
    (value: string) => {
      setText(value);
      try {
        if (value) sessionStorage.setItem(storageKey(threadId), value);
        else sessionStorage.removeItem(storageKey(threadId));
      } catch {
        // Storage full or disabled: the draft just isn't kept.
      }
    },
    [threadId],
  );

  return [text, update] as const;
}
