"use client";

import { Button, type ButtonProps } from "@spool/ui";
import { useEffect, useId, useRef, useState } from "react";

/**
 * A button whose action needs a second, deliberate press: the first asks the question, with
 * the confirming button focused; Cancel goes back. The API's refusal shows beside it.
 */
export function ConfirmAction({
  label,
  ariaLabel,
  question,
  confirmLabel,
  onConfirm,
  pending,
  error,
  look = "secondary",
}: {
  label: string;
  /** When the visible label needs more words to be clear, e.g. "Remove Bob". */
  ariaLabel?: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => void;
  pending: boolean;
  error?: string;
  look?: ButtonProps["look"];
}) {
  const [asking, setAsking] = useState(false);
  const triggerId = useId();
  const wasAsking = useRef(false);
  useEffect(() => {
    // Back from the question: focus returns to the button that asked it.
    if (wasAsking.current && !asking) document.getElementById(triggerId)?.focus();
    wasAsking.current = asking;
  }, [asking, triggerId]);

  return (
    <div className="flex flex-col items-end gap-1">
      {asking ? (
        <div role="group" aria-label={question} className="flex flex-col items-end gap-2">
          <p className="text-right text-sm">{question}</p>
          <div className="flex gap-2">
            <Button look="ghost" disabled={pending} onClick={() => setAsking(false)}>
              Cancel
            </Button>
            <Button look="danger" autoFocus disabled={pending} onClick={onConfirm}>
              {pending ? "Working…" : confirmLabel}
            </Button>
          </div>
        </div>
      ) : (
        <Button id={triggerId} look={look} aria-label={ariaLabel} onClick={() => setAsking(true)}>
          {label}
        </Button>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
