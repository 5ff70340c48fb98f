import { languageName } from "@/lib/language";
import type { MessageTranslation } from "./translations-context";

const linkButton =
  "font-medium text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-indigo-300";

/** The line under a message about its translation: where it came from, and the way back. */
export function TranslationNote({ translation }: { translation: MessageTranslation }) {
  const { state, showsOriginal } = translation;
  if (!state || state.kind === "none") return null;
  const note = "mt-0.5 text-xs text-zinc-500 dark:text-zinc-400";
  switch (state.kind) {
    case "pending":
      return (
        <p className={note} role="status">
          Translating…
        </p>
      );
    case "unavailable":
      return (
        <p className={note} title={state.reason}>
          Translation unavailable,{" "}
          <button type="button" className={linkButton} onClick={translation.translate}>
            try again
          </button>
        </p>
      );
    case "translated":
      return (
        <p className={note}>
          {state.from === "und" ? "Translated" : `Translated from ${languageName(state.from)}`}
          {" · "}
          <button type="button" className={linkButton} onClick={translation.toggleOriginal}>
            {showsOriginal ? "Show translation" : "Show original"}
          </button>
        </p>
      );
  }
}

/** The words to show: the translation unless the reader asked for the original. */
export function shownContent(translation: MessageTranslation, original: string): string {
  const { state, showsOriginal } = translation;
  return state?.kind === "translated" && !showsOriginal ? state.content : original;
}
