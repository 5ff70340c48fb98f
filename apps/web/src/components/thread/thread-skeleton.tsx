/** While the thread itself loads: the header's shape, so the page does not jump. */
export function ThreadSkeleton() {
  return (
    <div className="flex flex-1 flex-col" aria-busy="true">
      <div className="flex h-14 shrink-0 items-center border-b border-zinc-200 px-5 dark:border-zinc-800">
        <div className="h-4 w-40 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" />
      </div>
      <p role="status" className="m-auto text-sm text-zinc-500 dark:text-zinc-400">
        Loading thread…
      </p>
    </div>
  );
}
