export default function ChatHome() {
  return (
    <div className="flex flex-1 items-center justify-center p-8 text-zinc-500 dark:text-zinc-400">
      <p>Pick a thread, or start a new chat.</p>
    </div>
  );
}
