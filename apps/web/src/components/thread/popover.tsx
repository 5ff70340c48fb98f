"use client";

import { cx } from "@spool/ui";
import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type ReactNode,
  type RefObject,
} from "react";
import { createPortal } from "react-dom";

const margin = 8;

/**
 * A small dialog beside the button that opened it. It is portalled to <body> with fixed
 * coordinates, so the message list's scrolling box cannot clip it, and placed above the
 * button when there is room, else below, always inside the viewport. Escape, a click
 * outside or focus leaving closes it; Escape gives focus back to the button.
 */
export function Popover({
  anchor,
  label,
  onClose,
  children,
  className,
  align = "end",
}: {
  anchor: RefObject<HTMLElement | null>;
  /** Which edges of the popover and the button line up. */
  align?: "start" | "end";
  label: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
}) {
  const panel = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);

  useLayoutEffect(() => {
    const place = () => {
      const button = anchor.current?.getBoundingClientRect();
      const own = panel.current?.getBoundingClientRect();
      if (!button || !own) return;
      const above = button.top - own.height - margin;
      const top =
        above >= margin
          ? above
          : Math.min(button.bottom + margin, window.innerHeight - own.height - margin);
      const wanted = align === "start" ? button.left : button.right - own.width;
      const left = Math.min(wanted, window.innerWidth - own.width - margin);
      setPosition({ top: Math.max(margin, top), left: Math.max(margin, left) });
    };
    place();
    const observer = new ResizeObserver(place);
    if (panel.current) observer.observe(panel.current);
    window.addEventListener("resize", place);
    return () => {
      observer.disconnect();
      window.removeEventListener("resize", place);
    };
  }, [anchor, align]);

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panel.current?.contains(target) && !anchor.current?.contains(target)) onClose();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      event.stopPropagation();
      onClose();
      anchor.current?.focus();
    };
    document.addEventListener("pointerdown", onPointerDown, true);
    document.addEventListener("keydown", onKeyDown, true);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown, true);
      document.removeEventListener("keydown", onKeyDown, true);
    };
  }, [anchor, onClose]);

  return createPortal(
    <div
      ref={panel}
      role="dialog"
      aria-label={label}
      onBlur={(event) => {
        const next = event.relatedTarget as Node | null;
        if (next && !panel.current?.contains(next) && !anchor.current?.contains(next)) onClose();
      }}
      style={position ?? { top: 0, left: 0, visibility: "hidden" }}
      className={cx(
        "fixed z-50 rounded-lg border border-zinc-200 bg-white shadow-lg dark:border-zinc-700 dark:bg-zinc-900",
        className,
      )}
    >
      {children}
    </div>,
    document.body,
  );
}
