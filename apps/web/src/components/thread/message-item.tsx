"use client";

import { memo, useEffect, useRef, useState } from "react";
import { TranslationNote, shownContent } from "@/components/translation/translation-note";
import { useMessageTranslation } from "@/components/translation/translations-context";
import { fullDateTime } from "@/lib/chat-dates";
import type { Entry } from "@/lib/thread-rows";
import { DeleteMessageDialog } from "./delete-message-dialog";
import { MessageActions } from "./message-actions";
import { MessageBody } from "./message-body";
import { MessageEditor } from "./message-editor";
import { MessageFrame, PriorityBadge } from "./message-frame";
import { Reactions } from "./reactions";
import { useThreadActions } from "./thread-actions";

/** One message from the history: text, markers, reactions, and the sender's own actions. */
export const MessageItem = memo(function MessageItem({
  entry,
  startsGroup,
  senderName,
  seenBy,
}: {
  entry: Entry;
  startsGroup: boolean;
  senderName: string;
  /** "Seen by …" under the user's latest message. */
  seenBy: string | null;
}) {
  const actions = useThreadActions();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const frame = useRef<HTMLElement>(null);
  const mine = entry.senderId === actions.meId;
  const deleted = entry.deletedAt !== null;
  const high = entry.priority === "high" && !deleted;
  const translation = useMessageTranslation(entry);
  const translated = translation.state?.kind === "translated";

  // The tombstone has no buttons, so focus would otherwise fall back to the page.
  const refocusWhenDeleted = useRef(false);
  useEffect(() => {
    if (!deleted || !refocusWhenDeleted.current) return;
    refocusWhenDeleted.current = false;
    if (document.activeElement === document.body) frame.current?.focus();
  }, [deleted]);

  const stopEditing = () => {
    setEditing(false);
    frame.current?.focus();
  };

  return (
    <MessageFrame
      frameRef={frame}
      senderId={entry.senderId ?? ""}
      senderName={senderName}
      createdAt={entry.createdAt}
      startsGroup={startsGroup}
      highlighted={high}
      badge={high && <PriorityBadge />}
      overlay={
        !editing &&
        !deleted && (
          <MessageActions
            canReact
            canEdit={mine && entry.type === "text"}
            canDelete={mine}
            canTranslate={
              translation.enabled && !mine && !translated && translation.state?.kind !== "pending"
            }
            onTranslate={translation.translate}
            onReact={(emoji) => {
              const known = entry.reactions.find((reaction) => reaction.emoji === emoji);
              if (!known?.reactedByMe) actions.toggleReaction(entry.id, emoji, true);
            }}
            onEdit={() => setEditing(true)}
            onDelete={() => setConfirming(true)}
          />
        )
      }
    >
      {deleted ? (
        <p className="text-sm text-zinc-500 italic dark:text-zinc-400">Message deleted</p>
      ) : editing ? (
        <MessageEditor
          initial={entry.content}
          onCancel={stopEditing}
          onSave={async (content) => {
            await actions.edit(entry.id, content);
            stopEditing();
          }}
        />
      ) : (
        <MessageBody
          type={entry.type}
          content={shownContent(translation, entry.content)}
          after={
            entry.editedAt && (
              <span
                className="ml-1 text-xs text-zinc-500 dark:text-zinc-400"
                title={`Edited ${fullDateTime(entry.editedAt)}`}
              >
                (edited)
              </span>
            )
          }
        />
      )}
      {!deleted && !editing && <TranslationNote translation={translation} />}
      {!deleted && (
        <Reactions
          reactions={entry.reactions}
          onToggle={(emoji, add) => actions.toggleReaction(entry.id, emoji, add)}
        />
      )}
      {seenBy && <p className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">{seenBy}</p>}
      {confirming && (
        <DeleteMessageDialog
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            refocusWhenDeleted.current = true;
            void actions.remove(entry.id);
          }}
        />
      )}
    </MessageFrame>
  );
});
