"use client";

import { cx } from "@spool/ui";
import {
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
} from "react";
import { contentBytes, maxContentBytes } from "@/lib/message-limits";
import { composerToolClass, composerToolColours, EmojiButton } from "./emoji-button";
import { PriorityIcon, SendIcon } from "./icons";
import { useDraft } from "./use-draft";

const maxHeightPx = 200;

/**
 * Writing a message: Enter sends, Shift+Enter starts a new line, emoji go in at the caret,
 * and "High priority" marks the next message. What went wrong (here or from the API) shows
 * right above the box.
 */
export function Composer({
  threadId,
  onSend,
  onTyping,
  notice,
  onDismissNotice,
}: {
  threadId: string;
  onSend: (content: string, priority: "normal" | "high") => void;
  onTyping: () => void;
  /** The latest failure to tell the user about, in words. */
  notice: string | null;
  onDismissNotice: () => void;
}) {
  const [text, setText] = useDraft(threadId);
  const [high, setHigh] = useState(false);
  const [tooLong, setTooLong] = useState<string | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const caretAfterRender = useRef<number | null>(null);
  const hintId = useId();
  const noticeId = useId();

  // Grows with the text up to a limit, then scrolls; restores the caret after an insert.
  useLayoutEffect(() => {
    const element = field.current;
    if (!element) return;
    element.style.height = "auto";
    element.style.height = `${Math.min(element.scrollHeight, maxHeightPx)}px`;
    if (caretAfterRender.current !== null) {
      element.focus();
      element.setSelectionRange(caretAfterRender.current, caretAfterRender.current);
      caretAfterRender.current = null;
    }
  }, [text]);

  const change = (value: string) => {
    setText(value);
    setTooLong(null);
    if (value.trim()) onTyping();
  };

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const content = text.trim();
    if (!content) return;
    const bytes = contentBytes(content);
    if (bytes > maxContentBytes) {
      setTooLong(
        `This message is ${bytes.toLocaleString()} bytes; the limit is ${maxContentBytes.toLocaleString()} (28 KB). Shorten it or send it in parts.`,
      );
      return;
    }
    onSend(content, high ? "high" : "normal");
    setText("");
    setHigh(false);
    onDismissNotice();
    field.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // isComposing: Enter that confirms an IME candidate (Japanese, Chinese…) is not "send".
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  const insertEmoji = (emoji: string) => {
    const element = field.current;
    const start = element?.selectionStart ?? text.length;
    const end = element?.selectionEnd ?? text.length;
    caretAfterRender.current = start + emoji.length;
    change(text.slice(0, start) + emoji + text.slice(end));
  };

  const problem = tooLong ?? notice;
  return (
    <form onSubmit={submit} className="shrink-0 px-3 pb-3 md:px-4 md:pb-4">
      {problem && (
        <div
          id={noticeId}
          role="alert"
          className="mb-2 flex items-start gap-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-200"
        >
          <p className="min-w-0 flex-1 [overflow-wrap:anywhere]">{problem}</p>
          <button
            type="button"
            onClick={() => (tooLong ? setTooLong(null) : onDismissNotice())}
            className="shrink-0 rounded px-1 font-medium underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500"
          >
            Dismiss
          </button>
        </div>
      )}
      <div
        className={cx(
          "rounded-lg border bg-white shadow-xs focus-within:ring-1 dark:bg-zinc-900",
          high
            ? "border-red-400 focus-within:ring-red-400 dark:border-red-700 dark:focus-within:ring-red-700"
            : "border-zinc-300 focus-within:border-indigo-500 focus-within:ring-indigo-500 dark:border-zinc-700",
        )}
      >
        <label htmlFor={`${hintId}-field`} className="sr-only">
          Message
        </label>
        <textarea
          id={`${hintId}-field`}
          ref={field}
          rows={1}
          value={text}
          onChange={(event) => change(event.target.value)}
          onKeyDown={onKeyDown}
          placeholder="Write a message"
          aria-describedby={cx(hintId, problem && noticeId) || undefined}
          aria-invalid={tooLong ? true : undefined}
          className="block max-h-[200px] w-full resize-none bg-transparent px-3 pt-2.5 pb-1 text-base text-zinc-900 placeholder:text-zinc-500 focus:outline-none md:text-sm dark:text-zinc-100 dark:placeholder:text-zinc-400"
        />
        <div className="flex items-center gap-1 px-1.5 pb-1.5">
          <EmojiButton onPick={insertEmoji} />
          <button
            type="button"
            aria-pressed={high}
            onClick={() => setHigh((value) => !value)}
            title={high ? "This message will be sent as high priority" : "Mark as high priority"}
            className={cx(
              composerToolClass,
              "w-auto gap-1.5 px-2 text-xs font-medium",
              high
                ? "bg-red-50 text-red-700 hover:bg-red-100 dark:bg-red-950/50 dark:text-red-300 dark:hover:bg-red-950"
                : composerToolColours,
            )}
          >
            <PriorityIcon />
            <span className={cx(!high && "sr-only sm:not-sr-only")}>High priority</span>
          </button>
          <p
            id={hintId}
            className="ml-auto hidden text-xs text-zinc-500 sm:block dark:text-zinc-400"
          >
            <kbd className="font-sans">Enter</kbd> to send,{" "}
            <kbd className="font-sans">Shift+Enter</kbd> for a new line
          </p>
          <button
            type="submit"
            disabled={!text.trim()}
            className="ml-auto inline-flex h-9 items-center gap-1.5 rounded-md bg-indigo-600 px-3 text-sm font-medium text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 disabled:cursor-not-allowed disabled:bg-zinc-200 disabled:text-zinc-500 sm:ml-2 dark:disabled:bg-zinc-800 dark:disabled:text-zinc-500"
          >
            <SendIcon />
            Send
          </button>
        </div>
      </div>
    </form>
  );
}
