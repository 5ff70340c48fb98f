"use client";

import { useState } from "react";
import { LazyEmojiPicker } from "./lazy-emoji-picker";

const quickReactions = ["👍", "❤️", "😂", "🎉", "😮", "😢"];

/** The usual reactions one tap away, and the full picker behind "More reactions". */
export function ReactionPicker({ onPick }: { onPick: (emoji: string) => void }) {
  const [full, setFull] = useState(false);
  if (full) return <LazyEmojiPicker onPick={onPick} />;
  return (
    <div className="flex items-center gap-0.5 p-1">
      {quickReactions.map((emoji, index) => (
        <button
          key={emoji}
          type="button"
          aria-label={`React with ${emoji}`}
          autoFocus={index === 0}
          onClick={() => onPick(emoji)}
          className="inline-flex size-9 items-center justify-center rounded-md text-xl hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-zinc-800"
        >
          {emoji}
        </button>
      ))}
      <button
        type="button"
        onClick={() => setFull(true)}
        className="ml-1 inline-flex h-9 items-center rounded-md px-2 text-xs font-medium text-zinc-600 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-zinc-300 dark:hover:bg-zinc-800"
      >
        More reactions
      </button>
    </div>
  );
}
