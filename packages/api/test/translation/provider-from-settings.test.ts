import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { providerFromSettings } from "../../src/translation/provider-from-settings";

describe("the provider the settings choose", () => {
  it("is the one TRANSLATION_PROVIDER names, else the one whose key or URL is set", () => {
    const pick = (settings: Parameters<typeof providerFromSettings>[0]) =>
      providerFromSettings(settings)?.name ?? null;
    expect(pick({ AZURE_TRANSLATOR_KEY: "k" })).toBe("azure");
    expect(pick({ DEEPL_AUTH_KEY: "k:fx" })).toBe("deepl");
    expect(pick({ LIBRETRANSLATE_URL: "http://127.0.0.1:5000" })).toBe("libretranslate");
    expect(pick({ APERTIUM_URL: "http://127.0.0.1:2737" })).toBe("apertium");
    expect(
      pick({ TRANSLATION_PROVIDER: "deepl", AZURE_TRANSLATOR_KEY: "k", DEEPL_AUTH_KEY: "d" }),
    ).toBe("deepl");
    expect(pick({ TRANSLATION_PROVIDER: "off", AZURE_TRANSLATOR_KEY: "k" })).toBeNull();
  });

  it("falls back to Apertium's command when it is installed, and to off when not", () => {
    const installed = existsSync("/usr/bin/apertium") || existsSync("/usr/local/bin/apertium");
    expect(providerFromSettings({})?.name ?? null).toBe(installed ? "apertium" : null);
  });
});
