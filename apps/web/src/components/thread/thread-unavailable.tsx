import Link from "next/link";

export type UnavailableReason = "not-found" | "deleted" | "removed" | "gone" | "failed";

const explanations: Record<UnavailableReason, { title: string; text: string }> = {
  "not-found": {
    title: "This thread isn't available",
    text: "It doesn't exist, or you're not a member of it.",
  },
  deleted: { title: "This thread was deleted", text: "Its messages are gone for everyone." },
  removed: {
    title: "You were removed from this thread",
    text: "You can no longer read or send messages here.",
  },
  gone: {
    title: "This thread is no longer available",
    text: "It was deleted, or you are no longer a member.",
  },
  failed: {
    title: "Couldn't load this thread",
    text: "Spool didn't answer. Check your connection and try again.",
  },
};

/** In place of the conversation when there is none to show, with the way back to the list. */
export function ThreadUnavailable({
  reason,
  onRetry,
}: {
  reason: UnavailableReason;
  onRetry?: () => void;
}) {
  const { title, text } = explanations[reason];
  return (
    <div
      role="alert"
      className="flex flex-1 flex-col items-center justify-center gap-2 p-8 text-center"
    >
      <h1 className="text-lg font-semibold">{title}</h1>
      <p className="max-w-sm text-sm text-zinc-600 dark:text-zinc-400">{text}</p>
      <div className="mt-3 flex gap-2">
        {onRetry && (
          <button
            type="button"
            onClick={onRetry}
            className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-zinc-700 dark:hover:bg-zinc-800"
          >
            Try again
          </button>
        )}
        <Link
          href="/chat"
          className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500"
        >
          Back to threads
        </Link>
      </div>
    </div>
  );
}
