// The reader's language in the browser. Tags are compared and named as the API does.
export { languageName, sameLanguage } from "@spool/api/language-tags";

/** The browser's language, the first default for a reader who has not chosen one. */
export function browserLanguage(): string {
  return typeof navigator === "undefined" ? "en" : navigator.language || "en";
}
