import { format, isSameDay, isSameYear, isToday, isYesterday } from "date-fns";

// How the thread view writes dates, in the reader's time zone and locale order.

/** A day separator: "Today", "Yesterday", "Monday, March 3" or "March 3, 2024". */
export function dayLabel(date: Date, now = new Date()): string {
  if (isToday(date)) return "Today";
  if (isYesterday(date)) return "Yesterday";
  return isSameYear(date, now) ? format(date, "EEEE, MMMM d") : format(date, "MMMM d, yyyy");
}

/** The time beside a message: "9:41 AM". */
export function timeLabel(date: Date): string {
  return format(date, "p");
}

/** The time in a grouped message's narrow gutter: "9:41". */
export function shortTimeLabel(date: Date): string {
  return format(date, "h:mm");
}

/** For tooltips: "Monday, March 3, 2025 at 9:41 AM". */
export function fullDateTime(date: Date): string {
  return format(date, "PPPP 'at' p");
}

export function sameDay(a: Date, b: Date): boolean {
  return isSameDay(a, b);
}

/** The local calendar day, for `<time dateTime>`: "2025-03-03". */
export function isoDay(date: Date): string {
  return format(date, "yyyy-MM-dd");
}
