"use client";

import { Button, TextField } from "@spool/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTRPC } from "@/lib/trpc";
import { describeApiError } from "@/lib/api-error";
import { apiFieldError } from "@/lib/api-field-error";

/** The thread's topic, and renaming it (any member may, in a group or a 1:1). */
export function TopicEditor({ threadId, topic }: { threadId: string; topic: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<string | null>(null);
  const headingId = useId();
  const editButtonId = useId();
  const update = useMutation(
    trpc.thread.updateTopic.mutationOptions({
      onSuccess: (thread) => {
        queryClient.setQueryData(trpc.thread.get.queryKey({ threadId }), thread);
        setDraft(null);
      },
    }),
  );

  const editing = draft !== null;
  const wasEditing = useRef(false);
  useEffect(() => {
    if (wasEditing.current && !editing) document.getElementById(editButtonId)?.focus();
    wasEditing.current = editing;
  }, [editing, editButtonId]);

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (draft === null) return;
    if (draft.trim() === topic) setDraft(null);
    else update.mutate({ threadId, topic: draft.trim() });
  }
  function cancel() {
    update.reset();
    setDraft(null);
  }

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-2">
      <h3 id={headingId} className="text-sm font-semibold text-zinc-500 dark:text-zinc-400">
        Topic
      </h3>
      {editing ? (
        <form onSubmit={save} className="flex flex-col gap-2" noValidate>
          <TextField
            label="Topic"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            // Escape leaves the edit, not the whole panel.
            onKeyDown={(event) => {
              if (event.key !== "Escape") return;
              event.preventDefault();
              event.stopPropagation();
              cancel();
            }}
            maxLength={256}
            hint="Up to 256 characters; empty for none"
            error={
              update.error
                ? (apiFieldError(update.error, "topic") ?? describeApiError(update.error).message)
                : undefined
            }
            autoComplete="off"
            autoFocus
          />
          <div className="flex gap-2">
            <Button type="submit" disabled={update.isPending}>
              {update.isPending ? "Saving…" : "Save topic"}
            </Button>
            <Button look="ghost" onClick={cancel}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <div className="flex items-start justify-between gap-3">
          <p className="min-w-0 break-words">
            {topic || <span className="text-zinc-500 italic dark:text-zinc-400">No topic</span>}
          </p>
          <Button id={editButtonId} look="secondary" onClick={() => setDraft(topic)}>
            Edit topic
          </Button>
        </div>
      )}
    </section>
  );
}
