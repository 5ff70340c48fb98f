"use client";

import { format, isSameDay, isSameYear, subDays } from "date-fns";
import { useNow } from "@/lib/use-now";

/** Short enough for a list row: "now", "5 min", "14:05", "Yesterday", "Mon", "12 Mar". */
export function formatListTime(date: Date, now: number): string {
  const minutes = Math.floor((now - date.getTime()) / 60_000);
  if (minutes < 1) return "now";
  if (minutes < 60) return `${minutes} min`;
  if (isSameDay(date, now)) return format(date, "HH:mm");
  if (isSameDay(date, subDays(now, 1))) return "Yesterday";
  if (now - date.getTime() < 6 * 24 * 60 * 60_000) return format(date, "EEE");
  return format(date, isSameYear(date, now) ? "d MMM" : "d MMM yyyy");
}

export function RelativeTime({
  date,
  id,
  className,
}: {
  date: Date;
  id?: string;
  className?: string;
}) {
  const now = useNow();
  return (
    <time id={id} dateTime={date.toISOString()} title={format(date, "PPPp")} className={className}>
      {formatListTime(date, now)}
    </time>
  );
}
