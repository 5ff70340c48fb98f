import { baseLanguage, canonicalTag } from "../language-tags";
import { malformed, quoted, requestJson, type FailedAnswer } from "../http-json";
import {
  ProviderError,
  type ProviderLanguage,
  type TranslateRequest,
  type TranslatedText,
  type TranslationProvider,
} from "../provider";

export interface DeepLOptions {
  authKey: string;
  /** Default: api-free.deepl.com for a Free key (ending in `:fx`), api.deepl.com otherwise. */
  url?: string;
  timeoutMs?: number;
}

const service = "DeepL";

/** The API's base URL: as set, else the Free host for a Free key (`…:fx`), else the Pro one. */
export function deepLUrl({ authKey, url }: Pick<DeepLOptions, "authKey" | "url">): string {
  const chosen =
    url ?? (authKey.endsWith(":fx") ? "https://api-free.deepl.com" : "https://api.deepl.com");
  return chosen.replace(/\/+$/, "");
}

/** DeepL's error body is `{"message": …}`, sometimes with a `detail`. */
function refusal({ status, body }: FailedAnswer): ProviderError {
  const { message, detail } = (body ?? {}) as { message?: string; detail?: string };
  const reason = `${service}: ${quoted([message, detail].filter(Boolean).join(": "), status)}`;
  if (status === 400 && /(target|source)_lang/i.test(`${message} ${detail}`)) {
    return new ProviderError("unsupported", reason);
  }
  if (status === 403) return new ProviderError("unavailable", `${reason}. Check DEEPL_AUTH_KEY.`);
  if (status === 456) {
    return new ProviderError("unavailable", `${reason}: the account's character quota is used up.`);
  }
  if (status === 429) return new ProviderError("unavailable", `${reason}. Try again shortly.`);
  return new ProviderError("unavailable", reason);
}

/** DeepL API v2: up to 50 texts per request and 128 KiB of request body. */
export function deepL(options: DeepLOptions): TranslationProvider {
  const base = deepLUrl(options);
  const timeoutMs = options.timeoutMs ?? 15_000;
  const headers = { Authorization: `DeepL-Auth-Key ${options.authKey}` };
  return {
    name: "deepl",
    // Characters well under 128 KiB even when every one is escaped in the JSON body.
    batchLimits: { texts: 50, characters: 20_000 },
    detects: true,
    async languages(): Promise<ProviderLanguage[]> {
      const url = new URL(`${base}/v2/languages?type=target`);
      const body = await requestJson(service, url, { headers, timeoutMs }, refusal);
      if (!Array.isArray(body)) throw malformed(service);
      return body.map((item: unknown) => {
        const { language, name } = item as { language?: string; name?: string };
        if (typeof language !== "string") throw malformed(service);
        return { tag: canonicalTag(language) ?? language, code: language, name: name ?? language };
      });
    },
    async translate({ texts, from, to, format }: TranslateRequest): Promise<TranslatedText[]> {
      const body = (await requestJson(
        service,
        new URL(`${base}/v2/translate`),
        {
          method: "POST",
          headers,
          body: {
            text: texts,
            target_lang: to.code,
            // DeepL's source languages carry no region: `EN`, not `EN-US`.
            ...(from && { source_lang: baseLanguage(from).toUpperCase() }),
            ...(format === "html" && { tag_handling: "html" }),
          },
          timeoutMs,
        },
        refusal,
      )) as { translations?: { text?: string; detected_source_language?: string }[] };
      const translations = body.translations;
      if (!Array.isArray(translations) || translations.length !== texts.length) {
        throw malformed(service);
      }
      return translations.map(({ text, detected_source_language }) => {
        if (typeof text !== "string") throw malformed(service);
        return {
          text,
          detectedFrom: detected_source_language
            ? (canonicalTag(detected_source_language) ?? null)
            : null,
        };
      });
    },
  };
}
