"use client";

import { useEffect, useState } from "react";
import { useRealtime, type ConnectionState } from "@/components/realtime/realtime-provider";

// Long enough that a normal first connect or a brief blip shows nothing.
const GRACE_MS = 2500;

/** pusher-js says "connecting" for a first connect and for every retry after a drop alike. */
function describe(state: ConnectionState, wasConnected: boolean): string | null {
  if (state === "connected") return null;
  const firstConnect = state === "initialized" || state === "connecting";
  return firstConnect && !wasConnected ? "Connecting…" : "Offline — reconnecting…";
}

/**
 * Says when live updates are not arriving; nothing while connected. The live region stays in
 * the page, empty, so that screen readers announce the text when it appears.
 */
export function ConnectionBanner() {
  const { state } = useRealtime();
  const [wasConnected, setWasConnected] = useState(false);
  if (state === "connected" && !wasConnected) setWasConnected(true);
  const text = describe(state, wasConnected);
  const [shown, setShown] = useState<string | null>(null);

  useEffect(() => {
    if (!text) {
      setShown(null);
      return;
    }
    // Once showing, follow the state at once; before that, only if it lasts.
    setShown((current) => (current === null ? null : text));
    const timer = setTimeout(() => setShown(text), GRACE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  return (
    <p
      role="status"
      aria-live="polite"
      className={
        shown
          ? "bg-amber-100 px-4 py-1.5 text-center text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100"
          : undefined
      }
    >
      {shown}
    </p>
  );
}
