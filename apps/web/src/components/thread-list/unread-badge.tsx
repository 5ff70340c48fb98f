import { limits } from "@spool/api/limits";

/**
 * The count of unread messages, and a marker when any of them is high priority. Counts reach
 * at most the cap, which means "that many or more".
 */
export function UnreadBadge({
  count,
  highPriority,
  id,
}: {
  count: number;
  highPriority: number;
  id?: string;
}) {
  if (count === 0) return null;
  const many = count >= limits.unreadCountCap;
  const shown = many ? `${limits.unreadCountCap - 1}+` : String(count);
  const label = many
    ? `more than ${limits.unreadCountCap - 1} unread messages`
    : `${count} unread ${count === 1 ? "message" : "messages"}`;
  return (
    <span id={id} className="flex shrink-0 items-center gap-1">
      {highPriority > 0 && (
        <span
          title="High priority"
          className="inline-flex size-5 items-center justify-center rounded-full bg-red-100 text-xs font-bold text-red-700 dark:bg-red-950 dark:text-red-300"
        >
          <span aria-hidden>!</span>
          <span className="sr-only">high priority</span>
        </span>
      )}
      <span
        role="img"
        aria-label={label}
        className="inline-flex h-5 min-w-5 items-center justify-center rounded-full bg-indigo-600 px-1.5 text-xs font-semibold text-white"
      >
        {shown}
      </span>
    </span>
  );
}
