import { malformed, quoted, requestJson, type FailedAnswer } from "../http-json";
import { ProviderError, type TranslationProvider } from "../provider";
import { apertiumProvider, type ApertiumPair } from "./apertium-pairs";

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

/** Apertium through apertium-apy's HTTP API, which keeps each pair's pipeline warm. */
export function apertiumApy(options: ApertiumApyOptions): TranslationProvider {
  const base = options.url.replace(/\/+$/, "");
  const timeoutMs = options.timeoutMs ?? 30_000;

  async function listPairs(): Promise<ApertiumPair[]> {
    const url = new URL(`${base}/listPairs`);
    const body = (await requestJson(service, url, { timeoutMs }, refusal)) as {
      responseData?: { sourceLanguage?: string; targetLanguage?: string }[];
    };
    if (!Array.isArray(body.responseData)) throw malformed(service);
    return body.responseData.map(({ sourceLanguage, targetLanguage }) => {
      if (!sourceLanguage || !targetLanguage) throw malformed(service);
      return { source: sourceLanguage, target: targetLanguage };
    });
  }

  async function translateText({ source, target }: ApertiumPair, text: string, format: string) {
    const body = (await requestJson(
      service,
      new URL(`${base}/translate`),
      {
        method: "POST",
        body: new URLSearchParams({
          langpair: `${source}|${target}`,
          q: text,
          format,
          markUnknown: "no",
        }),
        timeoutMs,
      },
      refusal,
    )) as { responseData?: { translatedText?: unknown } };
    const translated = body.responseData?.translatedText;
    if (typeof translated !== "string") throw malformed(service);
    return translated;
  }

  return apertiumProvider(listPairs, translateText);
}
