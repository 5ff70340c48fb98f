"use client";

import type { EventData } from "@spool/realtime/contract";
import { useCallback, useEffect, useState } from "react";
import { describeApiError } from "@/lib/api-error";
import { sameLanguage } from "@/lib/language";
import type { Entry } from "@/lib/thread-rows";
import { useTRPCClient } from "@/lib/trpc";

export type TranslationState =
  | { kind: "pending"; version: number }
  | { kind: "translated"; version: number; from: string; content: string }
  /** Already in the reader's language. */
  | { kind: "none"; version: number }
  | { kind: "unavailable"; version: number; reason: string };

/**
 * How long an auto-translating reader waits for a new or edited message's translation to
 * arrive by realtime before fetching it: the server pushes it, so fetching is the fallback.
 */
const pushGraceMs = 15_000;
const pageLimit = 200;

const translatable = (entry: Entry, meId: string) =>
  (entry.type === "text" || entry.type === "html") &&
  entry.deletedAt === null &&
  entry.senderId !== meId;

/**
 * The translations of a thread's messages into the reader's language, by message id and
 * version. Auto-translating, the reader takes them from `message.translated` events as
 * messages arrive and fetches the rest a page at a time (`message.list` with `translateTo`);
 * otherwise one message at a time, on demand.
 */
export function useTranslations({
  threadId,
  entries,
  meId,
  language,
  auto,
}: {
  threadId: string;
  entries: Entry[];
  meId: string;
  language: string;
  auto: boolean;
}) {
  const trpcClient = useTRPCClient();
  const [states, setStates] = useState<ReadonlyMap<string, TranslationState>>(new Map());
  const [originals, setOriginals] = useState<ReadonlySet<string>>(new Set());
  const [wakeUp, setWakeUp] = useState(0);

  // What was translated into another language is no use now.
  useEffect(() => setStates(new Map()), [language, threadId]);

  const put = useCallback((updates: [string, TranslationState][]) => {
    if (updates.length > 0) setStates((known) => new Map([...known, ...updates]));
  }, []);

  const receive = useCallback(
    (event: EventData<"message.translated">) => {
      if (!auto) return;
      const { messageId, version } = event;
      if (sameLanguage(event.language, language)) {
        return put([[messageId, { kind: "none", version }]]);
      }
      const mine = event.translations.find((translation) => sameLanguage(translation.to, language));
      if (mine?.content != null) {
        put([
          [
            messageId,
            {
              kind: "translated",
              version,
              from: mine.from ?? event.language,
              content: mine.content,
            },
          ],
        ]);
      } else if (mine?.error) {
        put([[messageId, { kind: "unavailable", version, reason: mine.error }]]);
      }
      // Otherwise it did not fit in the event, or is not for everyone: fetched below.
    },
    [auto, language, put],
  );

  // Auto: what has not arrived by realtime is fetched a page at a time.
  useEffect(() => {
    if (!auto) return;
    const now = Date.now();
    const due: Entry[] = [];
    let nextCheck = Infinity;
    for (const entry of entries) {
      if (!translatable(entry, meId) || states.get(entry.id)?.version === entry.version) continue;
      const age = now - (entry.editedAt ?? entry.createdAt).getTime();
      if (age >= pushGraceMs) due.push(entry);
      else nextCheck = Math.min(nextCheck, pushGraceMs - age);
    }
    const timer = Number.isFinite(nextCheck)
      ? setTimeout(() => setWakeUp((count) => count + 1), nextCheck)
      : undefined;
    if (due.length > 0) {
      const sequences = due.map((entry) => entry.sequence);
      const [low, high] = [Math.min(...sequences), Math.max(...sequences)];
      put(due.map((entry) => [entry.id, { kind: "pending", version: entry.version }]));
      trpcClient.message.list
        .query({
          threadId,
          before: high + 1,
          limit: Math.min(pageLimit, high - low + 1),
          translateTo: language,
        })
        .then(
          (page) => {
            const found = new Map(page.items.map((item) => [item.id, item]));
            put(
              due.map((entry): [string, TranslationState] => {
                const { version } = entry;
                const translation = found.get(entry.id)?.translation;
                if (translation === null) return [entry.id, { kind: "none", version }];
                if (translation?.status === "translated" && translation.version === version) {
                  return [
                    entry.id,
                    {
                      kind: "translated",
                      version,
                      from: translation.from,
                      content: translation.content,
                    },
                  ];
                }
                const reason =
                  translation?.status === "unavailable"
                    ? translation.reason
                    : "it changed meanwhile";
                return [entry.id, { kind: "unavailable", version, reason }];
              }),
            );
          },
          (error: unknown) => {
            const reason = describeApiError(error).message;
            put(
              due.map((entry) => [
                entry.id,
                { kind: "unavailable", version: entry.version, reason },
              ]),
            );
          },
        );
    }
    return () => clearTimeout(timer);
  }, [auto, entries, states, meId, threadId, language, trpcClient, put, wakeUp]);

  const translate = useCallback(
    (entry: Entry) => {
      const { version } = entry;
      put([[entry.id, { kind: "pending", version }]]);
      setOriginals((shown) => new Set([...shown].filter((id) => id !== entry.id)));
      trpcClient.translation.translate.mutate({ messageId: entry.id, to: language }).then(
        (result) =>
          put([
            [
              entry.id,
              result.translated
                ? {
                    kind: "translated",
                    version: result.version,
                    from: result.from ?? "und",
                    content: result.content,
                  }
                : { kind: "none", version: result.version },
            ],
          ]),
        (error: unknown) =>
          put([
            [entry.id, { kind: "unavailable", version, reason: describeApiError(error).message }],
          ]),
      );
    },
    [language, trpcClient, put],
  );

  const toggleOriginal = useCallback((messageId: string) => {
    setOriginals((shown) => {
      const next = new Set(shown);
      if (!next.delete(messageId)) next.add(messageId);
      return next;
    });
  }, []);

  const stateOf = useCallback(
    (entry: Entry): TranslationState | undefined => {
      const state = states.get(entry.id);
      return state?.version === entry.version ? state : undefined;
    },
    [states],
  );

  return { receive, translate, toggleOriginal, stateOf, showsOriginal: originals };
}

export type Translations = ReturnType<typeof useTranslations>;
