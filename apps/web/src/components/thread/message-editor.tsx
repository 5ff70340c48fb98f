"use client";

import { Button } from "@spool/ui";
import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from "react";

/** Editing a message in place: Enter saves, Shift+Enter is a new line, Escape cancels. */
export function MessageEditor({
  initial,
  onSave,
  onCancel,
}: {
  initial: string;
  /** Rejects with an Error whose message says what went wrong. */
  onSave: (content: string) => Promise<void>;
  onCancel: () => void;
}) {
  const [text, setText] = useState(initial);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const id = useId();

  useLayoutEffect(() => {
    const element = field.current;
    if (!element) return;
    element.style.height = "auto";
    element.style.height = `${Math.min(element.scrollHeight, 240)}px`;
  }, [text]);

  useLayoutEffect(() => {
    const element = field.current;
    element?.focus();
    element?.setSelectionRange(element.value.length, element.value.length);
  }, []);

  const save = async () => {
    const content = text.trim();
    if (!content || saving) return;
    if (content === initial.trim()) return onCancel();
    setSaving(true);
    setError(null);
    try {
      await onSave(content);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Couldn't save the change.");
      setSaving(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    } else if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void save();
    }
  };

  return (
    <div className="mt-1 flex flex-col gap-1.5">
      <label htmlFor={id} className="sr-only">
        Edited message
      </label>
      <textarea
        id={id}
        ref={field}
        rows={1}
        value={text}
        disabled={saving}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
        className="block w-full resize-none rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-base text-zinc-900 focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500 md:text-sm dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      />
      {error && (
        <p id={`${id}-error`} role="alert" className="text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <Button onClick={() => void save()} disabled={saving || !text.trim()}>
          {saving ? "Saving…" : "Save"}
        </Button>
        <Button look="secondary" onClick={onCancel} disabled={saving}>
          Cancel
        </Button>
        <p id={`${id}-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">
          Enter to save, Escape to cancel
        </p>
      </div>
    </div>
  );
}
