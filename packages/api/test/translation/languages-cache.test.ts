import { describe, expect, it } from "vitest";
import { RateLimits } from "../../src/rate-limits";
import { ProviderError } from "../../src/translation/provider";
import { Translator } from "../../src/translation/translator";
import { fakeProvider } from "../support/fake-provider";

describe("the provider's languages", () => {
  it("are asked for once an hour, by the clock given, and a failure is not kept", async () => {
    const { provider } = fakeProvider();
    const listed = provider.languages;
    let asked = 0;
    let failing = false;
    provider.languages = () => {
      asked += 1;
      return failing ? Promise.reject(new ProviderError("unavailable", "down")) : listed();
    };
    let now = 0;
    const translator = new Translator({ provider, limits: new RateLimits(), now: () => now });

    await translator.languages();
    now = 3_600_000;
    await translator.languages();
    expect(asked).toBe(1);

    now = 3_600_001;
    failing = true;
    await expect(translator.languages()).rejects.toMatchObject({
      code: "TRANSLATION_UNAVAILABLE",
      message: "down",
    });
    failing = false;
    expect((await translator.languages()).map((language) => language.tag)).toContain("es");
    expect(asked).toBe(3);
  });

  it("serve a reader of a regional form by the bare language, and refuse one not offered", async () => {
    const translator = new Translator({
      provider: fakeProvider().provider,
      limits: new RateLimits(),
    });
    expect((await translator.target("es-MX")).tag).toBe("es");
    await expect(translator.target("ja")).rejects.toMatchObject({
      code: "TRANSLATION_LANGUAGE_UNSUPPORTED",
    });
  });
});
