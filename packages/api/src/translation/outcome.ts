/** A message's translation into one language, as the API returns it beside the original. */
export type TranslationOutcome =
  | {
      status: "translated";
      /** The language translated into (one the provider offers, BCP 47). */
      to: string;
      /** The language detected in the original; `und` when it could not be told. */
      from: string;
      content: string;
      /** The message version it was made from. */
      version: number;
    }
  | {
      /** The original stands; the reason says why and whether trying again may help. */
      status: "unavailable";
      code: "TRANSLATION_UNAVAILABLE" | "TRANSLATION_LANGUAGE_UNSUPPORTED" | "RATE_LIMITED";
      reason: string;
      retryAfterMs?: number;
    };

export type UnavailableOutcome = Extract<TranslationOutcome, { status: "unavailable" }>;
