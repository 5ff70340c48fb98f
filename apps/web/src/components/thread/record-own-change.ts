import type { ThreadTimeline } from "@spool/realtime/client";
import type { Entry } from "@/lib/thread-rows";

/**
 * The server leaves the acting connection out when it announces a change, so this tab hears
 * nothing about its own sends, edits and deletes. Handing the mutation's result to the
 * timeline as the event it would have received keeps its sequence whole; if it does not fit
 * (something else happened in between), the timeline fetches what it is missing.
 */
export function recordOwnChange(
  timeline: ThreadTimeline | null,
  event: "message.created" | "message.edited" | "message.deleted",
  message: Entry,
): void {
  if (!timeline) return;
  const data = {
    threadId: message.threadId,
    sequence: message.changeSequence,
    messageId: message.id,
    message,
  };
  try {
    timeline.handle(event, data);
  } catch {
    void timeline.catchUp();
  }
}
