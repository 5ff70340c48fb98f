import { memo } from "react";
import { activitySentence, type NameOf } from "@/lib/activity-text";
import { fullDateTime, timeLabel } from "@/lib/chat-dates";
import type { Entry } from "@/lib/thread-rows";

/** "Bob added Carol", centred and quiet, at its place in the history. */
export const ActivityLine = memo(function ActivityLine({
  entry,
  nameOf,
}: {
  entry: Entry;
  nameOf: NameOf;
}) {
  return (
    <p className="px-4 py-1.5 text-center text-xs text-zinc-500 [overflow-wrap:anywhere] dark:text-zinc-400">
      {activitySentence(entry, nameOf)}
      <span aria-hidden> · </span>
      <time dateTime={entry.createdAt.toISOString()} title={fullDateTime(entry.createdAt)}>
        {timeLabel(entry.createdAt)}
      </time>
    </p>
  );
});
