"use client";

import EmojiPicker, { EmojiStyle, Theme } from "emoji-picker-react";

/**
 * The full emoji picker, in its own module so that it loads only when first opened. Native
 * emoji only: the picker's image styles would load sprites from a CDN.
 */
export default function EmojiPickerPanel({ onPick }: { onPick: (emoji: string) => void }) {
  return (
    <EmojiPicker
      emojiStyle={EmojiStyle.NATIVE}
      colorScheme={Theme.AUTO}
      onEmojiClick={(data) => onPick(data.emoji)}
      autoFocusSearch
      lazyLoadEmojis
      previewConfig={{ showPreview: false }}
      width="min(22rem, calc(100vw - 1rem))"
      height={380}
    />
  );
}
