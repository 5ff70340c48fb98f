import { canonicalTag } from "../language-tags";
import { malformed, quoted, requestJson, type FailedAnswer } from "../http-json";
import {
  ProviderError,
  type ProviderLanguage,
  type TranslateRequest,
  type TranslatedText,
  type TranslationProvider,
} from "../provider";

export interface AzureOptions {
  key: string;
  /** Required for regional and multi-service resources. */
  region?: string;
  /** Default: the global endpoint. */
  endpoint?: string;
  timeoutMs?: number;
}

const service = "Azure AI Translator";

interface AzureError {
  error?: { code?: number; message?: string };
}

/** Azure's error body is `{"error": {"code": 401000, "message": …}}`; a 401 may have none. */
function refusal({ status, body }: FailedAnswer): ProviderError {
  const { code, message } = (body as AzureError | null)?.error ?? {};
  const reason = `${service}: ${quoted(message, status)}${code ? ` (${code})` : ""}`;
  // 400035 / 400036: the source / target language is not one it translates.
  if (code === 400035 || code === 400036) return new ProviderError("unsupported", reason);
  if (status === 401) {
    return new ProviderError(
      "unavailable",
      `${reason}. Check AZURE_TRANSLATOR_KEY and AZURE_TRANSLATOR_REGION.`,
    );
  }
  if (status === 429) return new ProviderError("unavailable", `${reason}. Try again shortly.`);
  return new ProviderError("unavailable", reason);
}

/** Azure AI Translator, REST API v3.0: up to 1,000 texts and 50,000 characters per request. */
export function azureTranslator(options: AzureOptions): TranslationProvider {
  const endpoint = (options.endpoint ?? "https://api.cognitive.microsofttranslator.com").replace(
    /\/+$/,
    "",
  );
  const timeoutMs = options.timeoutMs ?? 15_000;
  return {
    name: "azure",
    batchLimits: { texts: 1000, characters: 50_000 },
    detects: true,
    async languages(): Promise<ProviderLanguage[]> {
      const url = new URL(`${endpoint}/languages`);
      url.search = new URLSearchParams({ "api-version": "3.0", scope: "translation" }).toString();
      const body = (await requestJson(service, url, { timeoutMs }, refusal)) as {
        translation?: Record<string, { name?: string }>;
      };
      if (!body.translation) throw malformed(service);
      return Object.entries(body.translation).map(([code, language]) => ({
        tag: canonicalTag(code) ?? code,
        code,
        name: language.name ?? code,
      }));
    },
    async translate({ texts, from, to, format }: TranslateRequest): Promise<TranslatedText[]> {
      const url = new URL(`${endpoint}/translate`);
      const query = new URLSearchParams({ "api-version": "3.0", to: to.code });
      // Without `from` Azure detects each text's language and reports it.
      if (from) query.set("from", from);
      if (format === "html") query.set("textType", "html");
      url.search = query.toString();
      const body = await requestJson(
        service,
        url,
        {
          method: "POST",
          headers: {
            "Ocp-Apim-Subscription-Key": options.key,
            ...(options.region && { "Ocp-Apim-Subscription-Region": options.region }),
          },
          body: texts.map((text) => ({ Text: text })),
          timeoutMs,
        },
        refusal,
      );
      if (!Array.isArray(body) || body.length !== texts.length) throw malformed(service);
      return body.map((item: unknown) => {
        const entry = item as {
          detectedLanguage?: { language?: string };
          translations?: { text?: string }[];
        };
        const text = entry.translations?.[0]?.text;
        if (typeof text !== "string") throw malformed(service);
        return { text, detectedFrom: entry.detectedLanguage?.language ?? null };
      });
    },
  };
}
