/** `html` keeps the markup and translates the text between tags (the providers' html mode). */
export type TextFormat = "text" | "html";

export interface TranslateRequest {
  texts: string[];
  /** The source language, as one of the provider's tags; null lets the provider detect it. */
  from: string | null;
  /** One of the languages `languages()` offers. */
  to: ProviderLanguage;
  format: TextFormat;
}

export interface TranslatedText {
  text: string;
  /** The source language the provider detected (BCP 47), when it was asked to. */
  detectedFrom: string | null;
}

export interface ProviderLanguage {
  /** BCP 47. */
  tag: string;
  /** The provider's own code for it (`EN-US` at DeepL, `spa` at Apertium). */
  code: string;
  name: string;
  /** For providers that translate by pairs (Apertium): the languages it translates from. */
  from?: string[];
}

/**
 * A machine translation service. Adapters speak each service's own request and response
 * format and turn its failures into a `ProviderError` with the service's reason.
 */
export interface TranslationProvider {
  readonly name: ProviderName;
  /** Most texts and characters one request may carry; larger batches are split. */
  readonly batchLimits: { texts: number; characters: number };
  /** Whether it can tell the source language itself (`from: null`). */
  readonly detects: boolean;
  /** The languages it translates into. */
  languages(): Promise<ProviderLanguage[]>;
  /** One result per text, in order. */
  translate(request: TranslateRequest): Promise<TranslatedText[]>;
}

export type ProviderName = "azure" | "deepl" | "libretranslate" | "apertium";

/** A provider's refusal or failure, with its reason in words a user can act on. */
export class ProviderError extends Error {
  override name = "ProviderError";

  constructor(
    /** `unsupported`: the language pair; `unavailable`: anything else (keys, quota, outage). */
    readonly kind: "unavailable" | "unsupported",
    message: string,
  ) {
    super(message);
  }
}
