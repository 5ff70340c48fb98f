"use client";

import { cx } from "@spool/ui";
import { useCallback, useRef, useState } from "react";
import { SmileIcon } from "./icons";
import { LazyEmojiPicker } from "./lazy-emoji-picker";
import { Popover } from "./popover";

/** "Add emoji" beside the composer: opens the picker and hands back the emoji chosen. */
export function EmojiButton({ onPick }: { onPick: (emoji: string) => void }) {
  const button = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  return (
    <>
      <button
        ref={button}
        type="button"
        aria-label="Add emoji"
        title="Add emoji"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen((value) => !value)}
        className={cx(
          composerToolClass,
          composerToolColours,
          open && "bg-zinc-100 dark:bg-zinc-800",
        )}
      >
        <SmileIcon />
      </button>
      {open && (
        <Popover
          anchor={button}
          label="Emoji"
          onClose={close}
          align="start"
          className="overflow-hidden"
        >
          <LazyEmojiPicker
            onPick={(emoji) => {
              close();
              onPick(emoji);
            }}
          />
        </Popover>
      )}
    </>
  );
}

/** Shared shape of the small square buttons in the composer's toolbar (colours apart). */
export const composerToolClass = cx(
  "inline-flex size-9 items-center justify-center rounded-md",
  "focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-500",
);

export const composerToolColours = cx(
  "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900",
  "dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100",
);
