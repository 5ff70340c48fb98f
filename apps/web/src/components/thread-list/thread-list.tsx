"use client";

/** The caller's threads, most recent first. */
export function ThreadList() {
  return (
    <nav
      aria-label="Threads"
      className="w-80 shrink-0 border-r border-zinc-200 dark:border-zinc-800"
    />
  );
}
