"use client";

import { createContext, useContext } from "react";
import type { Entry } from "@/lib/thread-rows";
import type { Translations, TranslationState } from "./use-translations";

/** The open thread's translations, for each message to show its own. */
export const TranslationsContext = createContext<(Translations & { enabled: boolean }) | null>(
  null,
);

export interface MessageTranslation {
  /** Whether translation is on at all (a provider is configured). */
  enabled: boolean;
  state: TranslationState | undefined;
  showsOriginal: boolean;
  translate(): void;
  toggleOriginal(): void;
}

/** One message's translation, and what the reader can do with it. */
export function useMessageTranslation(entry: Entry): MessageTranslation {
  const translations = useContext(TranslationsContext);
  return {
    enabled: Boolean(translations?.enabled),
    state: translations?.stateOf(entry),
    showsOriginal: Boolean(translations?.showsOriginal.has(entry.id)),
    translate: () => translations?.translate(entry),
    toggleOriginal: () => translations?.toggleOriginal(entry.id),
  };
}
