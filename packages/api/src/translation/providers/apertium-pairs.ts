import { baseLanguage, canonicalTag, languageName } from "../language-tags";
import {
  ProviderError,
  type ProviderLanguage,
  type TextFormat,
  type TranslateRequest,
  type TranslatedText,
  type TranslationProvider,
} from "../provider";

// Apertium names languages by ISO 639-3 (`eng`, `spa`), a variant after an underscore
// (`eng_US`), and translates by installed pairs (`eng-spa`). Spool speaks BCP 47, whose tags
// use the two-letter code where one exists.
const twoLetter: Record<string, string> = {
  afr: "af",
  arg: "an",
  ast: "ast",
  bel: "be",
  bre: "br",
  bul: "bg",
  cat: "ca",
  ces: "cs",
  cym: "cy",
  dan: "da",
  deu: "de",
  ell: "el",
  eng: "en",
  epo: "eo",
  est: "et",
  eus: "eu",
  fin: "fi",
  fra: "fr",
  gle: "ga",
  glg: "gl",
  hbs: "sh",
  hin: "hi",
  hun: "hu",
  isl: "is",
  ita: "it",
  kaz: "kk",
  lat: "la",
  lav: "lv",
  lit: "lt",
  mkd: "mk",
  mlt: "mt",
  nld: "nl",
  nno: "nn",
  nob: "nb",
  oci: "oc",
  pol: "pl",
  por: "pt",
  ron: "ro",
  rus: "ru",
  slk: "sk",
  slv: "sl",
  spa: "es",
  sqi: "sq",
  srd: "sc",
  swe: "sv",
  tat: "tt",
  tur: "tr",
  ukr: "uk",
  urd: "ur",
  zho: "zh",
};

export interface ApertiumPair {
  source: string;
  target: string;
}

/** `eng_US` → `en-US`; a code with no two-letter form stays as it is (`ast`). */
export function apertiumTag(code: string): string {
  const [language = code, variant] = code.split("_");
  const tag = [twoLetter[language] ?? language, variant].filter(Boolean).join("-");
  return canonicalTag(tag) ?? code;
}

/** The installed pairs as the languages they translate into, each with its sources. */
export function pairLanguages(pairs: readonly ApertiumPair[]): ProviderLanguage[] {
  const byTarget = new Map<string, ProviderLanguage>();
  for (const { source, target } of pairs) {
    const language = byTarget.get(target) ?? {
      tag: apertiumTag(target),
      code: target,
      name: languageName(apertiumTag(target)),
      from: [],
    };
    language.from!.push(apertiumTag(source));
    byTarget.set(target, language);
  }
  return [...byTarget.values()];
}

/**
 * The source code of the installed pair from `from` into `to`. Apertium cannot detect, so an
 * undetermined source is taken to be the only language that translates into `to`, if one does.
 */
export function sourceCode(
  pairs: readonly ApertiumPair[],
  from: string | null,
  to: string,
): string {
  const sources = pairs.filter((pair) => pair.target === to).map((pair) => pair.source);
  const match = from
    ? sources.find((source) => baseLanguage(apertiumTag(source)) === baseLanguage(from))
    : sources.length === 1
      ? sources[0]
      : undefined;
  if (match) return match;
  throw new ProviderError(
    "unsupported",
    from
      ? `Apertium has no ${languageName(from)} → ${languageName(apertiumTag(to))} pair installed (installed into it: ${sources.map(apertiumTag).join(", ") || "none"}).`
      : `Apertium cannot tell this message's language, and more than one installed pair translates into ${languageName(apertiumTag(to))}.`,
  );
}

/**
 * An Apertium provider from how to list the installed pairs and how to translate one text by
 * one pair (`eng`, `spa`). Apertium takes one text at a time. The pairs are read once, and
 * again only after a failure: they change when packages are installed.
 */
export function apertiumProvider(
  listPairs: () => Promise<ApertiumPair[]>,
  translateText: (pair: ApertiumPair, text: string, format: TextFormat) => Promise<string>,
): TranslationProvider {
  let pairs: Promise<ApertiumPair[]> | null = null;
  const installed = () => {
    pairs ??= listPairs().catch((error: unknown) => {
      pairs = null;
      throw error;
    });
    return pairs;
  };
  return {
    name: "apertium",
    batchLimits: { texts: 1, characters: 50_000 },
    detects: false,
    languages: async () => pairLanguages(await installed()),
    async translate({ texts, from, to, format }: TranslateRequest): Promise<TranslatedText[]> {
      const pair = { source: sourceCode(await installed(), from, to.code), target: to.code };
      const translated: TranslatedText[] = [];
      for (const text of texts) {
        translated.push({ text: await translateText(pair, text, format), detectedFrom: null });
      }
      return translated;
    },
  };
}
