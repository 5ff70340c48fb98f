// Languages are BCP 47 tags everywhere in Spool (`es`, `pt-BR`); each provider adapter maps
// them to its own codes. Two tags name the same language when their primary subtags agree, so
// a reader of `es-MX` is never sent a translation of a message detected as `es`.

/** The tag detection stores when it could not tell the language. */
export const UNDETERMINED = "und";

/** The canonical form of a BCP 47 tag (`EN-us` → `en-US`), or null when it is not one. */
export function canonicalTag(value: string): string | null {
  try {
    return Intl.getCanonicalLocales(value)[0] ?? null;
  } catch {
    return null;
  }
}

/** The primary language subtag: `pt-BR` → `pt`. */
export function baseLanguage(tag: string): string {
  return tag.split("-")[0]!.toLowerCase();
}

export function sameLanguage(a: string, b: string): boolean {
  return baseLanguage(a) === baseLanguage(b);
}

const names = new Intl.DisplayNames(["en"], { type: "language", fallback: "code" });

/** The language's English name, e.g. `es` → "Spanish", for the UI's "Translated from …". */
export function languageName(tag: string): string {
  try {
    return names.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/**
 * The one of `offered` that best serves a reader of `wanted`: the same tag, else the bare
 * language (`es` for `es-MX`), else the first regional form of it (`en-US` for `en`).
 */
export function bestMatch(wanted: string, offered: readonly string[]): string | null {
  const lower = wanted.toLowerCase();
  const exact = offered.find((tag) => tag.toLowerCase() === lower);
  if (exact) return exact;
  const base = baseLanguage(wanted);
  return (
    offered.find((tag) => tag.toLowerCase() === base) ??
    offered.find((tag) => baseLanguage(tag) === base) ??
    null
  );
}
