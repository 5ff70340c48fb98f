import { Fragment, useMemo, type ReactNode } from "react";
import { htmlToText } from "@/lib/html-to-text";
import { linkify } from "@/lib/linkify";
import type { Entry } from "@/lib/thread-rows";

/** A message's words, always as text: `html` from other apps is read for its text only. */
export function MessageBody({
  type,
  content,
  after,
}: Pick<Entry, "type" | "content"> & { after?: ReactNode }) {
  const parts = useMemo(
    () => linkify(type === "html" ? htmlToText(content) : content),
    [type, content],
  );
  return (
    <p className="whitespace-pre-wrap text-zinc-900 [overflow-wrap:anywhere] dark:text-zinc-100">
      {parts.map((part, index) =>
        part.kind === "link" ? (
          <a
            key={index}
            href={part.href}
            target="_blank"
            rel="noopener noreferrer nofollow"
            className="text-indigo-700 underline underline-offset-2 hover:text-indigo-600 dark:text-indigo-300 dark:hover:text-indigo-200"
          >
            {part.text}
          </a>
        ) : (
          <Fragment key={index}>{part.text}</Fragment>
        ),
      )}
      {after}
    </p>
  );
}
