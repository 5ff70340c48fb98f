"use client";

import { cx } from "@spool/ui";
import { useQuery } from "@tanstack/react-query";
import { useMe } from "@/components/chat-shell/me-context";
import type { ThreadListItem } from "@/lib/api-types";
import { activitySentence, unknownPerson } from "@/lib/activity-text";
import { htmlToText } from "@/lib/html-to-text";
import { useTRPC } from "@/lib/trpc";

type Message = NonNullable<ThreadListItem["lastMessage"]>;

/**
 * An activity's line needs names: the thread's members, fetched only for such a preview.
 * (thread.list only returns text messages today; events and future API versions may not.)
 */
function ActivityPreview({ message }: { message: Message }) {
  const trpc = useTRPC();
  const me = useMe();
  const { data: members } = useQuery(trpc.member.list.queryOptions({ threadId: message.threadId }));
  const nameOf = (userId: string | null | undefined) =>
    userId === me.id
      ? "You"
      : (members?.find((member) => member.userId === userId)?.name ?? unknownPerson);
  return <>{activitySentence(message, nameOf)}</>;
}

/** One line under the thread's title: what was said last, and by the user or not. */
export function LastMessagePreview({
  thread,
  id,
  className,
}: {
  thread: ThreadListItem;
  id?: string;
  className?: string;
}) {
  const me = useMe();
  const message = thread.lastMessage;
  const muted = "text-zinc-500 italic dark:text-zinc-400";
  let body;
  if (!message) body = <span className={muted}>No messages yet</span>;
  else if (message.deletedAt) body = <span className={muted}>Message deleted</span>;
  else if (message.type !== "text" && message.type !== "html")
    body = <ActivityPreview message={message} />;
  else
    body = (
      <>
        {message.senderId === me.id && "You: "}
        {(message.type === "html" ? htmlToText(message.content) : message.content).replace(
          /\s+/g,
          " ",
        )}
      </>
    );
  return (
    <span id={id} className={cx("min-w-0 flex-1 truncate", className)}>
      {body}
    </span>
  );
}
