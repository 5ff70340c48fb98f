"use client";

import { cx } from "@spool/ui";
import { useCallback, useRef, useState, type ReactNode, type Ref } from "react";
import { LanguagesIcon, PencilIcon, SmilePlusIcon, TrashIcon } from "./icons";
import { Popover } from "./popover";
import { ReactionPicker } from "./reaction-picker";

/**
 * The buttons over a message: shown on hover and whenever focus is inside the message
 * (keyboard, or a tap on touch screens), and while the reaction picker is open.
 */
export function MessageActions({
  canReact,
  canEdit,
  canDelete,
  canTranslate,
  onReact,
  onEdit,
  onDelete,
  onTranslate,
}: {
  canReact: boolean;
  canEdit: boolean;
  canDelete: boolean;
  canTranslate: boolean;
  onReact: (emoji: string) => void;
  onEdit: () => void;
  onDelete: () => void;
  onTranslate: () => void;
}) {
  const reactButton = useRef<HTMLButtonElement>(null);
  const [picking, setPicking] = useState(false);
  const closePicker = useCallback(() => setPicking(false), []);
  if (!canReact && !canEdit && !canDelete && !canTranslate) return null;
  return (
    <div
      className={cx(
        "absolute -top-3 right-3 z-10 flex items-center rounded-md border border-zinc-200 bg-white p-0.5 shadow-sm dark:border-zinc-700 dark:bg-zinc-900",
        picking
          ? "opacity-100"
          : "opacity-0 group-focus-within:opacity-100 group-hover:opacity-100",
      )}
    >
      {canReact && (
        <ActionButton
          label="Add reaction"
          buttonRef={reactButton}
          expanded={picking}
          onClick={() => setPicking((open) => !open)}
        >
          <SmilePlusIcon />
        </ActionButton>
      )}
      {canTranslate && (
        <ActionButton label="Translate" onClick={onTranslate}>
          <LanguagesIcon />
        </ActionButton>
      )}
      {canEdit && (
        <ActionButton label="Edit message" onClick={onEdit}>
          <PencilIcon />
        </ActionButton>
      )}
      {canDelete && (
        <ActionButton label="Delete message" onClick={onDelete} danger>
          <TrashIcon />
        </ActionButton>
      )}
      {picking && (
        <Popover anchor={reactButton} label="Reactions" onClose={closePicker}>
          <ReactionPicker
            onPick={(emoji) => {
              closePicker();
              reactButton.current?.focus();
              onReact(emoji);
            }}
          />
        </Popover>
      )}
    </div>
  );
}

function ActionButton({
  label,
  onClick,
  children,
  danger,
  expanded,
  buttonRef,
}: {
  label: string;
  onClick: () => void;
  children: ReactNode;
  danger?: boolean;
  expanded?: boolean;
  buttonRef?: Ref<HTMLButtonElement>;
}) {
  return (
    <button
      ref={buttonRef}
      type="button"
      aria-label={label}
      title={label}
      aria-expanded={expanded}
      aria-haspopup={expanded === undefined ? undefined : "dialog"}
      onClick={onClick}
      className={cx(
        "inline-flex size-8 items-center justify-center rounded text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800",
        "focus-visible:outline-2 focus-visible:outline-indigo-500",
        danger
          ? "hover:text-red-700 dark:hover:text-red-300"
          : "hover:text-zinc-900 dark:hover:text-zinc-100",
      )}
    >
      {children}
    </button>
  );
}
