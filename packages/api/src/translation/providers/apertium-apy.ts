import { malformed, quoted, requestJson, type FailedAnswer } from "../http-json";
import {
  ProviderError,
  type TranslateRequest,
  type TranslatedText,
  type TranslationProvider,
} from "../provider";
import { pairLanguages, sourceCode, type ApertiumPair } from "./apertium-pairs";

export interface ApertiumApyOptions {
  /** Where apertium-apy listens, e.g. http://127.0.0.1:2737. */
  url: string;
  timeoutMs?: number;
}

const service = "Apertium (apertium-apy)";

/** APy's error body is `{"status": "error", "code": 400, "message": …, "explanation": …}`. */
function refusal({ status, body }: FailedAnswer): ProviderError {
  const { message, explanation } = (body ?? {}) as { message?: string; explanation?: string };
  const reason = `${service}: ${quoted(explanation ?? message, status)}`;
  return new ProviderError(
    /pair is not installed/i.test(reason) ? "unsupported" : "unavailable",
    reason,
  );
}

/**
 * Apertium through apertium-apy's HTTP API. APy translates one text per request, so a batch
 * goes as one request per text; the pipeline stays warm between them.
 */
export function apertiumApy(options: ApertiumApyOptions): TranslationProvider {
  const base = options.url.replace(/\/+$/, "");
  const timeoutMs = options.timeoutMs ?? 30_000;
  let pairs: Promise<ApertiumPair[]> | null = null;

  async function listPairs(): Promise<ApertiumPair[]> {
    const body = (await requestJson(
      service,
      new URL(`${base}/listPairs`),
      { timeoutMs },
      refusal,
    )) as {
      responseData?: { sourceLanguage?: string; targetLanguage?: string }[];
    };
    if (!Array.isArray(body.responseData)) throw malformed(service);
    return body.responseData.map(({ sourceLanguage, targetLanguage }) => {
      if (!sourceLanguage || !targetLanguage) throw malformed(service);
      return { source: sourceLanguage, target: targetLanguage };
    });
  }
  // Pairs are only read again after a failure: they change when packages are installed.
  const installed = () => {
    pairs ??= listPairs().catch((error: unknown) => {
      pairs = null;
      throw error;
    });
    return pairs;
  };

  async function translateOne(langpair: string, text: string, format: string) {
    const body = (await requestJson(
      service,
      new URL(`${base}/translate`),
      {
        method: "POST",
        body: new URLSearchParams({ langpair, q: text, format, markUnknown: "no" }),
        timeoutMs,
      },
      refusal,
    )) as { responseData?: { translatedText?: unknown } };
    const translated = body.responseData?.translatedText;
    if (typeof translated !== "string") throw malformed(service);
    return translated;
  }

  return {
    name: "apertium",
    batchLimits: { texts: 1, characters: 50_000 },
    detects: false,
    languages: async () => pairLanguages(await installed()),
    async translate({ texts, from, to, format }: TranslateRequest): Promise<TranslatedText[]> {
      const source = sourceCode(await installed(), from, to.code);
      const translated = [];
      for (const text of texts) {
        translated.push(await translateOne(`${source}|${to.code}`, text, format));
      }
      return translated.map((text) => ({ text, detectedFrom: null }));
    },
  };
}
