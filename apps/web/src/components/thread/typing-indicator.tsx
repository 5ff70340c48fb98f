import { typingSentence } from "@/lib/name-lists";

/** "Bob is typing…", announced politely; the line keeps its height so nothing jumps. */
export function TypingIndicator({ names }: { names: string[] }) {
  const sentence = typingSentence(names);
  return (
    <div
      role="status"
      aria-live="polite"
      className="flex h-6 shrink-0 items-center gap-2 truncate px-4 text-xs text-zinc-500 md:px-5 dark:text-zinc-400"
    >
      {sentence && (
        <>
          <span aria-hidden className="flex gap-0.5">
            {[0, 150, 300].map((delay) => (
              <span
                key={delay}
                className="size-1 animate-bounce rounded-full bg-zinc-400 motion-reduce:animate-none"
                style={{ animationDelay: `${delay}ms` }}
              />
            ))}
          </span>
          <span className="truncate">{sentence}</span>
        </>
      )}
    </div>
  );
}
