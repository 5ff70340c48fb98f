"use client";

import { Button } from "@spool/ui";
import { useEffect, useRef } from "react";

/** Fetches the next page when scrolled into view, or when pressed (keyboard, no observer). */
export function LoadMore({ loading, onLoad }: { loading: boolean; onLoad: () => void }) {
  const sentinel = useRef<HTMLDivElement>(null);
  const latestOnLoad = useRef(onLoad);
  useEffect(() => {
    latestOnLoad.current = onLoad;
  });

  // Observed afresh after each page: a new observer reports at once if it is still in view.
  useEffect(() => {
    const target = sentinel.current;
    if (!target || loading) return;
    const observer = new IntersectionObserver(([entry]) => {
      if (entry?.isIntersecting) latestOnLoad.current();
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, [loading]);

  return (
    <div ref={sentinel} className="flex justify-center p-3">
      <Button look="secondary" disabled={loading} onClick={onLoad}>
        {loading ? "Loading…" : "Load more threads"}
      </Button>
    </div>
  );
}
