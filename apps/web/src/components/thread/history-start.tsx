/** The top of the list: loading, a way to load earlier messages, or the very beginning. */
export function HistoryStart({
  loading,
  hasOlder,
  loadingOlder,
  olderFailed,
  onLoadOlder,
}: {
  loading: boolean;
  hasOlder: boolean;
  loadingOlder: boolean;
  olderFailed: boolean;
  onLoadOlder: () => void;
}) {
  const quiet = "px-4 py-6 text-center text-sm text-zinc-500 dark:text-zinc-400";
  if (loading) return <p className={quiet}>Loading messages…</p>;
  if (loadingOlder) return <p className={quiet}>Loading earlier messages…</p>;
  if (hasOlder) {
    return (
      <div className={quiet}>
        {olderFailed && <span>Couldn&rsquo;t load earlier messages. </span>}
        <button
          type="button"
          onClick={onLoadOlder}
          className="font-medium text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-indigo-300"
        >
          {olderFailed ? "Try again" : "Load earlier messages"}
        </button>
      </div>
    );
  }
  return <p className={quiet}>This is the start of the conversation.</p>;
}
