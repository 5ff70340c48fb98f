"use client";

import type { ThreadView as Thread } from "@spool/api";
import { useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useId, useMemo, useState } from "react";
import { useMe } from "@/components/chat-shell/me-context";
import { MembersPanel } from "@/components/members/members-panel";
import { AutoTranslateSwitch } from "@/components/translation/auto-translate-switch";
import { TranslationsContext } from "@/components/translation/translations-context";
import { useTranslationSettings } from "@/components/translation/use-translation-settings";
import { useTranslations } from "@/components/translation/use-translations";
import { useRealtime } from "@/components/realtime/realtime-provider";
import { unknownPerson, type NameOf } from "@/lib/activity-text";
import type { ApiFailure } from "@/lib/api-error";
import { seenBySentence } from "@/lib/name-lists";
import { applyReactionOverlay } from "@/lib/reaction-overlay";
import { seenByOfLatest } from "@/lib/read-horizons";
import { buildRows, mergeEntries, newestSequence, type Row } from "@/lib/thread-rows";
import { titleOf } from "@/lib/thread-title";
import { useTRPC } from "@/lib/trpc";
import { Composer } from "./composer";
import { MessageList } from "./message-list";
import { ThreadActionsContext, type ThreadActions } from "./thread-actions";
import { ThreadHeader } from "./thread-header";
import type { UnavailableReason } from "./thread-unavailable";
import { ThreadUnavailable } from "./thread-unavailable";
import { TypingIndicator } from "./typing-indicator";
import { useDocumentVisible } from "./use-document-visible";
import { useFollowThread } from "./use-follow-thread";
import { useMessageChanges } from "./use-message-changes";
import { useOptimisticSends } from "./use-optimistic-sends";
import { useReadReceipts } from "./use-read-receipts";
import { useThreadHistory } from "./use-thread-history";
import { useThreadSync } from "./use-thread-sync";
import { useTypingNotifier, useTypists } from "./use-typing";

/** An open thread the user belongs to: history, live changes, and writing to it. */
export function ThreadConversation({
  thread,
  onGone,
}: {
  thread: Thread;
  onGone: (reason: UnavailableReason) => void;
}) {
  const threadId = thread.id;
  const me = useMe();
  const { pusher } = useRealtime();
  const trpc = useTRPC();
  const titleId = useId();
  const [notice, setNotice] = useState<string | null>(null);
  const [membersOpen, setMembersOpen] = useState(false);
  const [atBottom, setAtBottom] = useState(true);
  const visible = useDocumentVisible();

  const members = useQuery(
    trpc.member.list.queryOptions({ threadId }, { refetchOnMount: "always" }),
  );
  // Names are remembered after people leave, so that "Alice removed Bob" still says Bob.
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    if (!members.data) return;
    setNames((known) => {
      const next = new Map(known);
      for (const member of members.data) next.set(member.userId, member.name);
      return next;
    });
  }, [members.data]);
  const nameOf: NameOf = useCallback(
    (userId) => (userId === me.id ? me.name : (userId && names.get(userId)) || unknownPerson),
    [names, me],
  );

  const history = useThreadHistory(threadId, me.id, () => onGone("gone"));
  const { timeline } = history;
  const showFailure = useCallback(
    (failure: ApiFailure, what?: string) =>
      setNotice(what ? `${what}: ${failure.message}` : failure.message),
    [],
  );
  const sends = useOptimisticSends(threadId, timeline, showFailure);
  const changes = useMessageChanges(timeline, showFailure);
  const typists = useTypists(me.id);
  const typingNotifier = useTypingNotifier(threadId);
  const receipts = useReadReceipts(threadId, me.id);
  const translationSettings = useTranslationSettings(threadId);

  const entries = useMemo(
    () =>
      applyReactionOverlay(mergeEntries(history.older, sends.sent, history.live), changes.overlay),
    [history.older, history.live, sends.sent, changes.overlay],
  );
  const translations = useTranslations({
    threadId,
    entries,
    meId: me.id,
    language: translationSettings.language,
    auto: translationSettings.auto,
  });
  const translationsContext = useMemo(
    () => ({ ...translations, enabled: translationSettings.enabled }),
    [translations, translationSettings.enabled],
  );
  const [initialEpoch] = useState(thread.channelEpoch);
  useFollowThread({
    pusher,
    timeline,
    threadId,
    meId: me.id,
    initialEpoch,
    currentEpoch: thread.channelEpoch,
    onTyping: typists.receive,
    onTranslated: translations.receive,
    onReadReceipt: receipts.receive,
    onThreadDeleted: () => onGone("deleted"),
    onMemberRemoved: (userIds) => userIds.includes(me.id) && onGone("removed"),
    onSubscribed: receipts.refresh,
    onForbidden: () => onGone("gone"),
  });

  const rows = useMemo(
    () => buildRows(entries, sends.outgoing, me.id),
    [entries, sends.outgoing, me.id],
  );
  const isOwn = useCallback(
    (row: Row) =>
      row.kind === "outgoing" || (row.kind === "message" && row.entry.senderId === me.id),
    [me.id],
  );

  const seenBy = useMemo(() => {
    const seen = seenByOfLatest(entries, me.id, receipts.horizons);
    return (
      seen && { messageId: seen.messageId, sentence: seenBySentence(seen.readerIds.map(nameOf)) }
    );
  }, [entries, me.id, receipts.horizons, nameOf]);

  // Typing ends when that person's message arrives: a message of theirs after the event.
  const typingNames = useMemo(() => {
    const latest = new Map<string, number>();
    for (const entry of entries) if (entry.senderId) latest.set(entry.senderId, entry.sequence);
    return typists.typists
      .filter((typist) => (latest.get(typist.userId) ?? 0) <= typist.sequence)
      .map((typist) => typist.name);
  }, [entries, typists.typists]);

  // Read up to the newest message while it is on screen in a tab in front.
  const newest = newestSequence(entries);
  const { markReadUpTo } = receipts;
  useEffect(() => {
    if (atBottom && visible && newest > 0) markReadUpTo(newest);
  }, [atBottom, visible, newest, markReadUpTo]);

  useThreadSync({
    threadId,
    entries,
    timeline,
    lastSequence: thread.lastSequence,
    memberIds: members.data?.map((member) => member.userId),
  });

  const { edit, remove, toggleReaction } = changes;
  const actions: ThreadActions = useMemo(
    () => ({
      meId: me.id,
      edit,
      remove,
      toggleReaction: (messageId, emoji, mine) => void toggleReaction(messageId, emoji, mine),
      retrySend: sends.retry,
      discardSend: sends.discard,
    }),
    [me.id, edit, remove, toggleReaction, sends.retry, sends.discard],
  );

  const title = titleOf(thread, members.data, me.id);
  const count = members.data?.length ?? thread.memberCount;
  const subtitle =
    thread.kind === "direct" ? "Direct message" : `${count} ${count === 1 ? "member" : "members"}`;

  // The panel is a modal dialog: it gives focus back to the Members button itself.
  const closeMembers = useCallback(() => setMembersOpen(false), []);

  if (history.status === "failed") {
    return <ThreadUnavailable reason="failed" onRetry={history.retry} />;
  }

  return (
    <ThreadActionsContext.Provider value={actions}>
      <TranslationsContext.Provider value={translationsContext}>
        <div className="flex min-h-0 flex-1">
          <section aria-labelledby={titleId} className="flex min-w-0 flex-1 flex-col">
            <ThreadHeader
              titleId={titleId}
              title={title}
              subtitle={subtitle}
              membersOpen={membersOpen}
              onOpenMembers={() => setMembersOpen(true)}
              controls={<AutoTranslateSwitch threadId={threadId} onFailure={setNotice} />}
            />
            <MessageList
              rows={rows}
              loading={history.status === "loading"}
              hasOlder={history.hasOlder}
              loadingOlder={history.loadingOlder}
              olderFailed={history.olderFailed}
              onLoadOlder={history.loadOlder}
              isOwn={isOwn}
              nameOf={nameOf}
              meName={me.name}
              seenBy={seenBy}
              onAtBottomChange={setAtBottom}
            />
            <TypingIndicator names={typingNames} />
            <Composer
              threadId={threadId}
              onSend={(content, priority) => {
                sends.send(content, priority);
                typingNotifier.sent();
              }}
              onTyping={typingNotifier.typing}
              notice={notice}
              onDismissNotice={() => setNotice(null)}
            />
          </section>
          {membersOpen && <MembersPanel threadId={threadId} onClose={closeMembers} />}
        </div>
      </TranslationsContext.Provider>
    </ThreadActionsContext.Provider>
  );
}
