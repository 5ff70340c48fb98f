import { cx } from "@spool/ui";
import type { Entry } from "@/lib/thread-rows";

/** The reactions under a message: one toggle button per emoji, pressed when it is yours. */
export function Reactions({
  reactions,
  onToggle,
}: {
  reactions: Entry["reactions"];
  onToggle: (emoji: string, mine: boolean) => void;
}) {
  if (reactions.length === 0) return null;
  return (
    <ul aria-label="Reactions" className="mt-1 flex flex-wrap gap-1">
      {reactions.map(({ emoji, count, reactedByMe }) => (
        <li key={emoji}>
          <button
            type="button"
            aria-pressed={reactedByMe}
            aria-label={`${emoji} ${count}${reactedByMe ? ", reacted by you" : ""}`}
            title={reactedByMe ? "Remove your reaction" : `React with ${emoji}`}
            onClick={() => onToggle(emoji, !reactedByMe)}
            className={cx(
              "inline-flex h-7 items-center gap-1 rounded-full border px-2 text-sm tabular-nums",
              "focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-500",
              reactedByMe
                ? "border-indigo-300 bg-indigo-50 text-indigo-800 hover:bg-indigo-100 dark:border-indigo-700 dark:bg-indigo-950/60 dark:text-indigo-200 dark:hover:bg-indigo-950"
                : "border-zinc-200 bg-white text-zinc-700 hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800",
            )}
          >
            <span aria-hidden>{emoji}</span>
            <span aria-hidden className="text-xs font-medium">
              {count}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
