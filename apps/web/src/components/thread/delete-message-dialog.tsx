"use client";

import { Button } from "@spool/ui";
import { useId } from "react";
import { useModalDialog } from "@/components/members/use-modal-dialog";

/**
 * "Delete message?" as a modal: focus stays inside, Escape or a click outside cancels, and
 * focus goes back to the button that asked.
 */
export function DeleteMessageDialog({
  onConfirm,
  onCancel,
}: {
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const dialog = useModalDialog(onCancel);
  const titleId = useId();

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      aria-describedby={`${titleId}-text`}
      className="m-auto w-[min(24rem,calc(100vw-2rem))] rounded-lg border border-zinc-200 bg-white p-5 text-zinc-900 shadow-xl backdrop:bg-zinc-950/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <h2 id={titleId} className="text-base font-semibold">
        Delete message?
      </h2>
      <p id={`${titleId}-text`} className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        It will be removed for everyone in this thread. This can&rsquo;t be undone.
      </p>
      <div className="mt-4 flex justify-end gap-2">
        <Button look="secondary" onClick={onCancel} autoFocus>
          Cancel
        </Button>
        <Button look="danger" onClick={onConfirm}>
          Delete
        </Button>
      </div>
    </dialog>
  );
}
