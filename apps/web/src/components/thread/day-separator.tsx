import { dayLabel, isoDay } from "@/lib/chat-dates";

/** "Today", "Yesterday" or the date, between the days of a conversation. */
export function DaySeparator({ date }: { date: Date }) {
  return (
    <div className="flex items-center gap-3 px-4 pt-4 pb-2">
      <span aria-hidden className="h-px flex-1 bg-zinc-200 dark:bg-zinc-800" />
      <h2 className="text-xs font-semibold text-zinc-500 dark:text-zinc-400">
        <time dateTime={isoDay(date)}>{dayLabel(date)}</time>
      </h2>
      <span aria-hidden className="h-px flex-1 bg-zinc-200 dark:bg-zinc-800" />
    </div>
  );
}
