import type {
  ProviderLanguage,
  TranslateRequest,
  TranslationProvider,
} from "../../src/translation/provider";

/**
 * A provider in process for the rules around providers (cache, single flight, batching,
 * limits): it "translates" by prefixing the target, so a test can tell what was translated
 * into what, and records every request. The real adapters are tested against their services'
 * formats (`translation/*-adapter.test.ts`) and Apertium for real.
 */
export function fakeProvider(
  options: { languages?: string[]; batchLimits?: TranslationProvider["batchLimits"] } = {},
) {
  const requests: TranslateRequest[] = [];
  let failure: Error | null = null;
  let gate: Promise<void> | null = null;
  const tagged = (text: string, request: TranslateRequest) => `[${request.to.tag}] ${text}`;
  let answer = tagged;
  const languages: ProviderLanguage[] = (options.languages ?? ["en", "es", "fr", "de"]).map(
    (tag) => ({ tag, code: tag, name: tag }),
  );
  const provider: TranslationProvider = {
    name: "libretranslate",
    batchLimits: options.batchLimits ?? { texts: 50, characters: 20_000 },
    detects: true,
    languages: async () => languages,
    async translate(request) {
      requests.push(request);
      await gate;
      if (failure) throw failure;
      return request.texts.map((text) => ({
        text: answer(text, request),
        detectedFrom: request.from ? null : "en",
      }));
    },
  };
  return {
    provider,
    requests,
    /** Later requests are answered with `translate(text)` instead, until `heal()`. */
    answerWith(translate: (text: string, request: TranslateRequest) => string) {
      answer = translate;
    },
    /** Every later request fails with this, until `heal()`. */
    fail(error: Error) {
      failure = error;
    },
    heal() {
      failure = null;
      answer = tagged;
    },
    /** Requests wait until the returned function is called. */
    hold(): () => void {
      let release!: () => void;
      gate = new Promise((resolve) => (release = resolve));
      return () => {
        gate = null;
        release();
      };
    },
  };
}
