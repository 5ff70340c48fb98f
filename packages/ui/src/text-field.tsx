import { useId, type InputHTMLAttributes } from "react";
import { cx } from "./class-names";

export interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  /** Shown under the field and announced with it, e.g. what is allowed or what was wrong. */
  hint?: string;
  error?: string;
}

/** A labelled input; its hint or error is tied to it for screen readers. */
export function TextField({ label, hint, error, className, id, ...props }: TextFieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const noteId = `${inputId}-note`;
  const note = error ?? hint;
  return (
    <div className={cx("flex flex-col gap-1", className)}>
      <label htmlFor={inputId} className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
        {label}
      </label>
      <input
        id={inputId}
        aria-invalid={error ? true : undefined}
        aria-describedby={note ? noteId : undefined}
        className={cx(
          "rounded-md border bg-white px-3 py-2 text-sm text-zinc-900 dark:bg-zinc-900 dark:text-zinc-100",
          "focus:outline-2 focus:outline-indigo-500",
          error ? "border-red-500" : "border-zinc-300 dark:border-zinc-700",
        )}
        {...props}
      />
      {note && (
        <p
          id={noteId}
          className={cx(
            "text-xs",
            error ? "text-red-600 dark:text-red-400" : "text-zinc-500 dark:text-zinc-400",
          )}
        >
          {note}
        </p>
      )}
    </div>
  );
}
