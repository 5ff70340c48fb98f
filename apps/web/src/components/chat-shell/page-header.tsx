import Link from "next/link";

/** The heading of a page beside the thread list, with the way back to the list on a phone. */
export function PageHeader({ title }: { title: string }) {
  return (
    <header className="flex items-center gap-3 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
      {/* On a phone the list is hidden here: this is the way back to it. */}
      <Link
        href="/chat"
        className="rounded-md px-2 py-1 text-sm font-medium text-indigo-600 hover:bg-zinc-100 md:hidden dark:text-indigo-400 dark:hover:bg-zinc-900"
      >
        <span aria-hidden>‹ </span>Threads
      </Link>
      <h1 className="text-lg font-semibold">{title}</h1>
    </header>
  );
}
