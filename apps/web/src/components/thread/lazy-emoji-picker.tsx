"use client";

import dynamic from "next/dynamic";

/** The picker's code and emoji data stay out of the page until someone opens it. */
export const LazyEmojiPicker = dynamic(() => import("./emoji-picker-panel"), {
  ssr: false,
  loading: () => (
    <p role="status" className="w-64 p-4 text-sm text-zinc-500 dark:text-zinc-400">
      Loading emoji…
    </p>
  ),
});
