import { Avatar, cx } from "@spool/ui";
import type { ReactNode, Ref } from "react";
import { fullDateTime, shortTimeLabel, timeLabel } from "@/lib/chat-dates";

/**
 * The layout every message shares. The first of a group shows avatar, name and time; the
 * rest show their time in the gutter on hover and keep the name for screen readers.
 */
export function MessageFrame({
  senderId,
  senderName,
  createdAt,
  startsGroup,
  highlighted,
  badge,
  overlay,
  children,
  frameRef,
  busy,
}: {
  senderId: string;
  senderName: string;
  createdAt: Date;
  startsGroup: boolean;
  /** High priority: marked along the left edge. */
  highlighted?: boolean;
  /** Beside the name (or at the top of the text when grouped). */
  badge?: ReactNode;
  /** Positioned over the message's top right corner: the actions. */
  overlay?: ReactNode;
  children: ReactNode;
  frameRef?: Ref<HTMLElement>;
  busy?: boolean;
}) {
  const time = (short: boolean) => (
    <time dateTime={createdAt.toISOString()} title={fullDateTime(createdAt)}>
      {short ? shortTimeLabel(createdAt) : timeLabel(createdAt)}
    </time>
  );
  return (
    <article
      ref={frameRef}
      // Focusable by script and by a tap, so that the actions show on touch screens too.
      tabIndex={-1}
      aria-busy={busy || undefined}
      className={cx(
        "group relative flex gap-3 px-4 pb-1 focus:outline-none md:px-5",
        "hover:bg-zinc-50 focus-within:bg-zinc-50 dark:hover:bg-zinc-900/70 dark:focus-within:bg-zinc-900/70",
        startsGroup ? "mt-1.5 pt-2" : "pt-0.5",
        highlighted && "shadow-[inset_3px_0_0_var(--color-red-500)]",
      )}
    >
      <div className="w-9 shrink-0">
        {startsGroup ? (
          <Avatar name={senderName} seed={senderId} className="size-9" />
        ) : (
          <span className="block pt-1 text-right text-[11px] leading-4 whitespace-nowrap text-zinc-500 opacity-0 group-focus-within:opacity-100 group-hover:opacity-100 dark:text-zinc-400">
            {time(true)}
          </span>
        )}
      </div>
      <div className="min-w-0 flex-1">
        {startsGroup ? (
          <p className="flex flex-wrap items-baseline gap-x-2">
            <span className="font-semibold text-zinc-900 [overflow-wrap:anywhere] dark:text-zinc-100">
              {senderName}
            </span>
            <span className="text-xs text-zinc-500 dark:text-zinc-400">{time(false)}</span>
            {badge}
          </p>
        ) : (
          <>
            <span className="sr-only">{senderName}</span>
            {badge && <p>{badge}</p>}
          </>
        )}
        {children}
      </div>
      {overlay}
    </article>
  );
}

export function PriorityBadge() {
  return (
    <span className="inline-flex items-center rounded bg-red-100 px-1.5 py-0.5 text-[11px] leading-none font-semibold text-red-800 dark:bg-red-950 dark:text-red-200">
      High priority
    </span>
  );
}
