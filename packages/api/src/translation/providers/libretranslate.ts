import { baseLanguage, canonicalTag } from "../language-tags";
import { malformed, quoted, requestJson, type FailedAnswer } from "../http-json";
import {
  ProviderError,
  type ProviderLanguage,
  type TranslateRequest,
  type TranslatedText,
  type TranslationProvider,
} from "../provider";

export interface LibreTranslateOptions {
  url: string;
  /** Needed by instances that require keys (libretranslate.com does). */
  apiKey?: string;
  timeoutMs?: number;
}

const service = "LibreTranslate";

/** LibreTranslate's error body is `{"error": …}`. */
function refusal({ status, body }: FailedAnswer): ProviderError {
  const { error } = (body ?? {}) as { error?: string };
  const reason = `${service}: ${quoted(error, status)}`;
  if (status === 400 && /language|not supported/i.test(error ?? "")) {
    return new ProviderError("unsupported", reason);
  }
  if (status === 403) {
    return new ProviderError("unavailable", `${reason}. Check LIBRETRANSLATE_API_KEY.`);
  }
  return new ProviderError("unavailable", reason);
}

interface Detected {
  language?: string;
}

/** LibreTranslate (self-hostable): `q` as an array translates a batch in one request. */
export function libreTranslate(options: LibreTranslateOptions): TranslationProvider {
  const base = options.url.replace(/\/+$/, "");
  const timeoutMs = options.timeoutMs ?? 15_000;
  return {
    name: "libretranslate",
    batchLimits: { texts: 50, characters: 20_000 },
    detects: true,
    async languages(): Promise<ProviderLanguage[]> {
      const body = await requestJson(service, new URL(`${base}/languages`), { timeoutMs }, refusal);
      if (!Array.isArray(body)) throw malformed(service);
      return body.map((item: unknown) => {
        const { code, name } = item as { code?: string; name?: string };
        if (typeof code !== "string") throw malformed(service);
        return { tag: canonicalTag(code) ?? code, code, name: name ?? code };
      });
    },
    async translate({ texts, from, to, format }: TranslateRequest): Promise<TranslatedText[]> {
      const body = (await requestJson(
        service,
        new URL(`${base}/translate`),
        {
          method: "POST",
          body: {
            q: texts,
            source: from ? baseLanguage(from) : "auto",
            target: to.code,
            format,
            ...(options.apiKey && { api_key: options.apiKey }),
          },
          timeoutMs,
        },
        refusal,
      )) as { translatedText?: unknown; detectedLanguage?: Detected | Detected[] };
      const translated = body.translatedText;
      if (!Array.isArray(translated) || translated.length !== texts.length) {
        throw malformed(service);
      }
      const detected = Array.isArray(body.detectedLanguage) ? body.detectedLanguage : [];
      return translated.map((text: unknown, index) => {
        if (typeof text !== "string") throw malformed(service);
        const language = detected[index]?.language;
        return { text, detectedFrom: language ? canonicalTag(language) : null };
      });
    },
  };
}
