import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { testDatabaseKinds } from "@spool/db/testing";
import { afterAll, describe, expect, it } from "vitest";
import { ProviderError, type TranslationProvider } from "../../src/translation/provider";
import { azureTranslator } from "../../src/translation/providers/azure";
import { deepL, deepLUrl } from "../../src/translation/providers/deepl";
import { libreTranslate } from "../../src/translation/providers/libretranslate";
import { refusal, useApi } from "../support/harness";
import { azureStandIn, deepLStandIn, libreTranslateStandIn } from "./stand-ins";

const azure = await azureStandIn();
const deepl = await deepLStandIn();
const libre = await libreTranslateStandIn();
afterAll(() => Promise.all([azure.close(), deepl.close(), libre.close()]));

const providers = {
  azure: (key = "good-key") =>
    azureTranslator({ key, region: "westeurope", endpoint: azure.url, timeoutMs: 60_000 }),
  deepl: (key = "good-key:fx") => deepL({ authKey: key, url: deepl.url, timeoutMs: 60_000 }),
  libretranslate: (key = "good-key") =>
    libreTranslate({ url: libre.url, apiKey: key, timeoutMs: 60_000 }),
};

async function failure(call: Promise<unknown>): Promise<ProviderError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

async function target(provider: TranslationProvider, tag: string) {
  const language = (await provider.languages()).find((each) => each.tag === tag);
  expect(language, `${provider.name} offers ${tag}`).toBeDefined();
  return language!;
}

describe("the Azure AI Translator adapter, against a stand-in speaking v3.0", () => {
  it("lists languages as BCP 47 and sends a batch as [{Text}] with to, from and textType", async () => {
    const provider = providers.azure();
    const languages = await provider.languages();
    expect(languages.map(({ tag, code }) => [tag, code])).toEqual([
      ["en", "en"],
      ["es", "es"],
      ["pt-PT", "pt-pt"],
      ["zh-Hans", "zh-Hans"],
    ]);
    const mark = azure.requests.length;
    const es = await target(provider, "es");
    expect(
      await provider.translate({
        texts: ["good morning", "see you"],
        from: null,
        to: es,
        format: "text",
      }),
    ).toEqual([
      { text: "es:GOOD MORNING", detectedFrom: "en" },
      { text: "es:SEE YOU", detectedFrom: "en" },
    ]);
    expect(
      await provider.translate({ texts: ["<p>hello</p>"], from: "en", to: es, format: "html" }),
    ).toEqual([{ text: "<p>es:HELLO</p>", detectedFrom: null }]);
    const [plain, html] = azure.requests.slice(mark).filter((request) => request.method === "POST");
    expect(plain!.path).toBe("/translate?api-version=3.0&to=es");
    expect(plain!.body).toEqual([{ Text: "good morning" }, { Text: "see you" }]);
    expect(plain!.headers["ocp-apim-subscription-key"]).toBe("good-key");
    expect(plain!.headers["ocp-apim-subscription-region"]).toBe("westeurope");
    expect(html!.path).toBe("/translate?api-version=3.0&to=es&from=en&textType=html");
  });

  it.each([
    [
      "a wrong key (401, no body)",
      "bad-key",
      "hello",
      "unavailable",
      "Azure AI Translator: HTTP 401. Check AZURE_TRANSLATOR_KEY and AZURE_TRANSLATOR_REGION.",
    ],
    [
      "rate limiting (429001)",
      "good-key",
      "BUSY",
      "unavailable",
      "Azure AI Translator: The server rejected the request because the client has exceeded request limits. (429001). Try again shortly.",
    ],
    [
      "a used-up free quota (403001)",
      "good-key",
      "QUOTA",
      "unavailable",
      "Azure AI Translator: The operation is not allowed because the subscription has exceeded its free quota. (403001)",
    ],
    [
      "an outage (500000)",
      "good-key",
      "CRASH",
      "unavailable",
      "Azure AI Translator: An unexpected error occurred. (500000)",
    ],
  ])("reports %s with Azure's reason", async (_, key, text, kind, message) => {
    const provider = providers.azure(key);
    const es = await target(providers.azure(), "es");
    const error = await failure(
      provider.translate({ texts: [text], from: null, to: es, format: "text" }),
    );
    expect([error.kind, error.message]).toEqual([kind, message]);
  });

  it("reports a target it does not translate into (400036) as unsupported", async () => {
    const error = await failure(
      providers.azure().translate({
        texts: ["hi"],
        from: null,
        to: { tag: "tlh", code: "tlh", name: "Klingon" },
        format: "text",
      }),
    );
    expect([error.kind, error.message]).toEqual([
      "unsupported",
      "Azure AI Translator: The target language is not valid. (400036)",
    ]);
  });
});

describe("the DeepL adapter, against a stand-in speaking /v2", () => {
  it("lists target languages and sends text[], target_lang, source_lang and tag_handling", async () => {
    const provider = providers.deepl();
    expect((await provider.languages()).map(({ tag, code }) => [tag, code])).toEqual([
      ["de", "DE"],
      ["en-GB", "EN-GB"],
      ["en-US", "EN-US"],
      ["es", "ES"],
      ["pt-BR", "PT-BR"],
    ]);
    const mark = deepl.requests.length;
    const pt = await target(provider, "pt-BR");
    expect(
      await provider.translate({
        texts: ["thank you", "<b>bye</b>"],
        from: "en-US",
        to: pt,
        format: "html",
      }),
    ).toEqual([
      { text: "PT-BR:THANK YOU", detectedFrom: "en" },
      { text: "PT-BR:<B>BYE</B>", detectedFrom: "en" },
    ]);
    const [request] = deepl.requests.slice(mark).filter((each) => each.method === "POST");
    expect(request!.path).toBe("/v2/translate");
    expect(request!.headers.authorization).toBe("DeepL-Auth-Key good-key:fx");
    expect(request!.body).toEqual({
      text: ["thank you", "<b>bye</b>"],
      target_lang: "PT-BR",
      source_lang: "EN",
      tag_handling: "html",
    });
  });

  it("chooses the Free API's host for a Free key and the Pro host otherwise", () => {
    expect(deepLUrl({ authKey: "abc:fx" })).toBe("https://api-free.deepl.com");
    expect(deepLUrl({ authKey: "abc" })).toBe("https://api.deepl.com");
    expect(deepLUrl({ authKey: "abc", url: "http://127.0.0.1:9/" })).toBe("http://127.0.0.1:9");
  });

  it.each([
    [
      "a wrong key (403)",
      "bad-key",
      "hello",
      "ES",
      "unavailable",
      "DeepL: Authorization failed. Please supply a valid auth_key parameter.. Check DEEPL_AUTH_KEY.",
    ],
    [
      "too many requests (429)",
      "good-key:fx",
      "BUSY",
      "ES",
      "unavailable",
      "DeepL: Too many requests. Try again shortly.",
    ],
    [
      "a used-up quota (456)",
      "good-key:fx",
      "QUOTA",
      "ES",
      "unavailable",
      "DeepL: Quota Exceeded: the account's character quota is used up.",
    ],
    [
      "an outage (500)",
      "good-key:fx",
      "CRASH",
      "ES",
      "unavailable",
      "DeepL: Internal Server Error",
    ],
    [
      "an unsupported target (400)",
      "good-key:fx",
      "hello",
      "XX",
      "unsupported",
      "DeepL: Value for 'target_lang' not supported.",
    ],
  ])("reports %s with DeepL's reason", async (_, key, text, code, kind, message) => {
    const error = await failure(
      providers.deepl(key).translate({
        texts: [text],
        from: null,
        to: { tag: "x", code, name: "x" },
        format: "text",
      }),
    );
    expect([error.kind, error.message]).toEqual([kind, message]);
  });
});

describe("the LibreTranslate adapter, against a stand-in speaking its API", () => {
  it("sends q[], source auto, target, format and api_key, and reads each detection", async () => {
    const provider = providers.libretranslate();
    expect((await provider.languages()).map(({ tag }) => tag)).toEqual(["en", "es", "fr"]);
    const mark = libre.requests.length;
    const fr = await target(provider, "fr");
    expect(
      await provider.translate({ texts: ["one", "two"], from: null, to: fr, format: "text" }),
    ).toEqual([
      { text: "fr:ONE", detectedFrom: "en" },
      { text: "fr:TWO", detectedFrom: "en" },
    ]);
    await provider.translate({ texts: ["<i>three</i>"], from: "es-MX", to: fr, format: "html" });
    const [auto, html] = libre.requests.slice(mark).filter((each) => each.method === "POST");
    expect(auto!.body).toEqual({
      q: ["one", "two"],
      source: "auto",
      target: "fr",
      format: "text",
      api_key: "good-key",
    });
    expect(html!.body).toMatchObject({ source: "es", format: "html" });
  });

  it.each([
    [
      "a wrong key (403)",
      "bad-key",
      "hello",
      "fr",
      "unavailable",
      "LibreTranslate: Visit https://portal.libretranslate.com to get an API key. Check LIBRETRANSLATE_API_KEY.",
    ],
    [
      "rate limiting (429)",
      "good-key",
      "BUSY",
      "fr",
      "unavailable",
      "LibreTranslate: Slowdown: 30 per 1 minute",
    ],
    [
      "an outage (500)",
      "good-key",
      "CRASH",
      "fr",
      "unavailable",
      "LibreTranslate: Cannot translate text: internal error",
    ],
    [
      "an unsupported target (400)",
      "good-key",
      "hello",
      "ja",
      "unsupported",
      "LibreTranslate: ja is not supported",
    ],
  ])("reports %s with LibreTranslate's reason", async (_, key, text, code, kind, message) => {
    const error = await failure(
      providers.libretranslate(key).translate({
        texts: [text],
        from: null,
        to: { tag: code, code, name: code },
        format: "text",
      }),
    );
    expect([error.kind, error.message]).toEqual([kind, message]);
  });

  it("reports a server that is not there, or does not answer in time", async () => {
    const closed = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const gone = libreTranslate({ url: `http://127.0.0.1:${closed}`, timeoutMs: 60_000 });
    expect((await failure(gone.languages())).message).toBe("LibreTranslate could not be reached.");
    // A server that accepts the connection and never answers.
    const silent = createServer(() => {}).listen(0, "127.0.0.1");
    await new Promise((resolve) => silent.once("listening", resolve));
    const port = (silent.address() as AddressInfo).port;
    try {
      const hanging = libreTranslate({ url: `http://127.0.0.1:${port}`, timeoutMs: 200 });
      expect((await failure(hanging.languages())).message).toBe(
        "LibreTranslate did not answer in time.",
      );
    } finally {
      silent.close();
    }
  });
});

// The whole path, API to service format and back, for each paid provider's stand-in.
describe.each(Object.keys(providers) as (keyof typeof providers)[])(
  "translation through %s",
  (name) => {
    describe.each(testDatabaseKinds)("on %s", (kind) => {
      const api = useApi(kind, { translationProvider: providers[name]() });

      it("translates a thread for a reader of another language, and reports an outage", async () => {
        const [ann, ben] = await api.users(2, `Via${name}`);
        await ben.api.user.updatePreferences({ language: "es" });
        const { thread } = await ann.api.thread.create({
          kind: "group",
          topic: name,
          memberIds: [ben.id],
        });
        await ann.api.message.send({
          threadId: thread.id,
          content: "The weekly report is ready for review.",
        });
        const page = await ben.api.message.list({ threadId: thread.id, translateTo: "es" });
        expect(page.items[0]!.translation).toMatchObject({
          status: "translated",
          to: "es",
          content: `${name === "deepl" ? "ES" : "es"}:THE WEEKLY REPORT IS READY FOR REVIEW.`,
        });
        const crash = await ann.api.message.send({ threadId: thread.id, content: "CRASH" });
        expect(
          (await refusal(ben.api.translation.translate({ messageId: crash.id }))).spoolCode,
        ).toBe("TRANSLATION_UNAVAILABLE");
        expect((await ben.api.translation.languages()).provider).toBe(name);
      });
    });
  },
);
