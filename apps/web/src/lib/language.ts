// Languages in the browser: BCP 47 tags, as the API speaks them.

/** The browser's language, the first default for a reader who has not chosen one. */
export function browserLanguage(): string {
  return typeof navigator === "undefined" ? "en" : navigator.language || "en";
}

/** Whether two tags name the same language (`es` and `es-MX` do). */
export function sameLanguage(a: string, b: string): boolean {
  return a.split("-")[0]!.toLowerCase() === b.split("-")[0]!.toLowerCase();
}

const names = new Intl.DisplayNames(["en"], { type: "language", fallback: "code" });

/** "Spanish" for `es`; the tag itself when the browser does not know it. */
export function languageLabel(tag: string): string {
  try {
    return names.of(tag) ?? tag;
  } catch {
    return tag;
  }
}
