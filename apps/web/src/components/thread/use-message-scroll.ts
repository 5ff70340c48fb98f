"use client";

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import type { Row } from "@/lib/thread-rows";

/** Closer than this to the bottom counts as "at the bottom": new messages keep it there. */
const nearBottomPx = 64;
/** Older history loads before the reader reaches the top, so scrolling up never waits. */
const loadOlderWithinPx = 600;

/**
 * Scrolling a conversation:
 * - it opens at the newest message and stays at the bottom as messages arrive, while the
 *   reader is there (or when they send one themself);
 * - scrolled up, new messages do not move the view; they are counted for "New messages";
 * - older pages load near the top and are prepended without moving what is on screen.
 */
export function useMessageScroll({
  rows,
  isOwn,
  hasOlder,
  loadingOlder,
  onLoadOlder,
}: {
  rows: Row[];
  isOwn: (row: Row) => boolean;
  hasOlder: boolean;
  loadingOlder: boolean;
  onLoadOlder: () => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);
  const fromBottom = useRef(0);
  const previous = useRef<{ firstKey?: string; lastKey?: string }>({});
  const [atBottom, setAtBottom] = useState(true);
  const [unseen, setUnseen] = useState(0);

  const stick = useCallback(() => {
    const element = scroller.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, []);

  const measure = useCallback(() => {
    const element = scroller.current;
    if (!element) return;
    fromBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight;
    pinned.current = fromBottom.current <= nearBottomPx;
    setAtBottom(pinned.current);
    if (pinned.current) setUnseen(0);
  }, []);

  const loadOlderIfNear = useCallback(() => {
    const element = scroller.current;
    if (element && hasOlder && !loadingOlder && element.scrollTop < loadOlderWithinPx) {
      onLoadOlder();
    }
  }, [hasOlder, loadingOlder, onLoadOlder]);

  const onScroll = useCallback(() => {
    measure();
    loadOlderIfNear();
  }, [measure, loadOlderIfNear]);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || rows.length === 0) return;
    const firstKey = rows.find((row) => row.kind !== "day")?.key;
    const lastKey = rows.at(-1)!.key;
    const before = previous.current;
    previous.current = { firstKey, lastKey };
    const opening = before.lastKey === undefined;
    const appended = !opening && lastKey !== before.lastKey;
    const prepended = !opening && firstKey !== before.firstKey;

    if (opening || pinned.current || (appended && isOwn(rows.at(-1)!))) {
      stick();
      pinned.current = true;
      setAtBottom(true);
      setUnseen(0);
    } else if (prepended) {
      element.scrollTop = element.scrollHeight - element.clientHeight - fromBottom.current;
    } else if (appended) {
      const from = rows.findIndex((row) => row.key === before.lastKey);
      const arrived = rows.slice(from + 1).filter((row) => row.kind !== "day").length;
      setUnseen((count) => count + Math.max(1, arrived));
    }
    fromBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight;
  }, [rows, isOwn, stick]);

  // A short first page does not fill the view, and no scroll event will ask for more.
  useEffect(loadOlderIfNear, [rows, loadOlderIfNear]);

  // Growth that is not a new row (reactions, an edit, a taller composer) keeps the bottom.
  useEffect(() => {
    const observer = new ResizeObserver(() => {
      if (pinned.current) stick();
    });
    if (scroller.current) observer.observe(scroller.current);
    if (content.current) observer.observe(content.current);
    return () => observer.disconnect();
  }, [stick]);

  const jumpToBottom = useCallback(() => {
    const element = scroller.current;
    if (!element) return;
    const reduced = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    element.scrollTo({ top: element.scrollHeight, behavior: reduced ? "auto" : "smooth" });
    setUnseen(0);
  }, []);

  return { scroller, content, onScroll, atBottom, unseen, jumpToBottom };
}
