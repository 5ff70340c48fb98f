"use client";

import { useEffect } from "react";
import type { NameOf } from "@/lib/activity-text";
import type { Row } from "@/lib/thread-rows";
import { ActivityLine } from "./activity-line";
import { DaySeparator } from "./day-separator";
import { HistoryStart } from "./history-start";
import { MessageItem } from "./message-item";
import { NewMessagesButton } from "./new-messages-button";
import { OutgoingMessage } from "./outgoing-message";
import { useMessageScroll } from "./use-message-scroll";

/**
 * The conversation as a live log: screen readers hear additions, the keyboard can focus and
 * scroll it, and it scrolls as a chat does (see useMessageScroll).
 */
export function MessageList({
  rows,
  loading,
  hasOlder,
  loadingOlder,
  olderFailed,
  onLoadOlder,
  isOwn,
  nameOf,
  meName,
  seenBy,
  onAtBottomChange,
}: {
  rows: Row[];
  loading: boolean;
  hasOlder: boolean;
  loadingOlder: boolean;
  olderFailed: boolean;
  onLoadOlder: () => void;
  isOwn: (row: Row) => boolean;
  nameOf: NameOf;
  meName: string;
  /** The message that shows "Seen by …", and the sentence. */
  seenBy: { messageId: string; sentence: string } | null;
  onAtBottomChange: (atBottom: boolean) => void;
}) {
  const { scroller, content, onScroll, atBottom, unseen, jumpToBottom } = useMessageScroll({
    rows,
    isOwn,
    hasOlder: hasOlder && !loading,
    loadingOlder,
    onLoadOlder,
  });

  useEffect(() => onAtBottomChange(atBottom), [atBottom, onAtBottomChange]);

  return (
    <div className="relative flex min-h-0 flex-1 flex-col">
      <div
        ref={scroller}
        onScroll={onScroll}
        role="log"
        aria-label="Messages"
        aria-live="polite"
        aria-relevant="additions"
        aria-busy={loading || loadingOlder}
        tabIndex={0}
        className="min-h-0 flex-1 overflow-y-auto overscroll-contain focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-500"
      >
        <div ref={content} className="flex min-h-full flex-col justify-end pt-2 pb-3">
          <HistoryStart
            loading={loading}
            hasOlder={hasOlder}
            loadingOlder={loadingOlder}
            olderFailed={olderFailed}
            onLoadOlder={onLoadOlder}
          />
          {rows.map((row) => {
            switch (row.kind) {
              case "day":
                return <DaySeparator key={row.key} date={row.date} />;
              case "activity":
                return <ActivityLine key={row.key} entry={row.entry} nameOf={nameOf} />;
              case "message":
                return (
                  <MessageItem
                    key={row.key}
                    entry={row.entry}
                    startsGroup={row.startsGroup}
                    senderName={nameOf(row.entry.senderId)}
                    seenBy={seenBy?.messageId === row.entry.id ? seenBy.sentence : null}
                  />
                );
              case "outgoing":
                return (
                  <OutgoingMessage
                    key={row.key}
                    outgoing={row.outgoing}
                    startsGroup={row.startsGroup}
                    senderName={meName}
                  />
                );
            }
          })}
        </div>
      </div>
      {unseen > 0 && !atBottom && <NewMessagesButton onClick={jumpToBottom} />}
    </div>
  );
}
