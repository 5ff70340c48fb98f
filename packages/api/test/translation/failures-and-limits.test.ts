import { testDatabaseKinds } from "@spool/db/testing";
import { describe, expect, it } from "vitest";
import { defaultRatePolicies } from "../../src/rate-limits";
import { ProviderError } from "../../src/translation/provider";
import { translationSetupHint } from "../../src/translation/provider-from-settings";
import { fakeProvider } from "../support/fake-provider";
import { refusal, useApi, type TestUser } from "../support/harness";

async function pair(api: ReturnType<typeof useApi>, prefix: string) {
  const [ann, ben] = await api.users(2, prefix);
  const { thread } = await ann.api.thread.create({
    kind: "group",
    topic: prefix,
    memberIds: [ben.id],
  });
  return { ann, ben, threadId: thread.id };
}

const sentence = (n: number) => `Sentence number ${n} of the weekly status report for the team.`;

describe.each(testDatabaseKinds)("translation turned off on %s", (kind) => {
  const api = useApi(kind, { translationProvider: null });

  it("says how to turn it on, and the chat goes on untranslated", async () => {
    const { ann, ben, threadId } = await pair(api, "Off");
    expect(await ben.api.translation.languages()).toEqual({
      provider: null,
      languages: [],
      setup: translationSetupHint,
    });
    const message = await ann.api.message.send({ threadId, content: sentence(1) });
    const refused = await refusal(
      ben.api.translation.translate({ messageId: message.id, to: "es" }),
    );
    expect(refused).toMatchObject({
      spoolCode: "TRANSLATION_UNAVAILABLE",
      code: "SERVICE_UNAVAILABLE",
      message: translationSetupHint,
    });
    const page = await ben.api.message.list({ threadId, translateTo: "es" });
    expect(page.items[0]).toMatchObject({
      content: sentence(1),
      translation: { status: "unavailable", code: "TRANSLATION_UNAVAILABLE" },
    });
  });
});

describe.each(testDatabaseKinds)("translation failures and limits on %s", (kind) => {
  const fake = fakeProvider();
  const api = useApi(kind, {
    translationProvider: fake.provider,
    ratePolicies: {
      ...defaultRatePolicies,
      translateUser: { ...defaultRatePolicies.translateUser, points: 150 },
      translateDeployment: { ...defaultRatePolicies.translateDeployment, points: 100_000 },
    },
  });

  it("answers a provider's failure with its reason, never breaks the page, and tries again", async () => {
    const { ann, ben, threadId } = await pair(api, "Fail");
    const message = await ann.api.message.send({ threadId, content: sentence(2) });
    fake.fail(new ProviderError("unavailable", "LibreTranslate: Slowdown: 30 per 1 minute"));
    try {
      const refused = await refusal(
        ben.api.translation.translate({ messageId: message.id, to: "es" }),
      );
      expect(refused).toMatchObject({
        spoolCode: "TRANSLATION_UNAVAILABLE",
        message: "LibreTranslate: Slowdown: 30 per 1 minute",
      });
      const page = await ben.api.message.list({ threadId, translateTo: "es" });
      expect(page.items[0]).toMatchObject({
        content: sentence(2),
        translation: {
          status: "unavailable",
          code: "TRANSLATION_UNAVAILABLE",
          reason: "LibreTranslate: Slowdown: 30 per 1 minute",
        },
      });
    } finally {
      fake.heal();
    }
    // A failure is not remembered: the next try reaches the provider.
    const result = await ben.api.translation.translate({ messageId: message.id, to: "es" });
    expect(result).toMatchObject({ translated: true, content: `[es] ${sentence(2)}` });
  });

  it("refuses a language the provider does not offer, naming those it does", async () => {
    const { ann, ben, threadId } = await pair(api, "Unsupported");
    const message = await ann.api.message.send({ threadId, content: sentence(3) });
    const refused = await refusal(
      ben.api.translation.translate({ messageId: message.id, to: "ja" }),
    );
    expect(refused).toMatchObject({
      spoolCode: "TRANSLATION_LANGUAGE_UNSUPPORTED",
      code: "BAD_REQUEST",
    });
    expect(refused.message).toContain("en, es, fr, de");
  });

  it("refuses bad input with a 4xx naming the rule", async () => {
    const { ann, ben, threadId } = await pair(api, "Input");
    const message = await ann.api.message.send({ threadId, content: sentence(4) });
    // Each call is made when its turn comes: one made early would be refused before anything
    // awaited it, an unhandled rejection.
    const cases = [
      [
        () => ben.api.translation.translate({ messageId: message.id, to: "not a language" }),
        "to must be a BCP 47 language tag",
      ],
      [
        () => ben.api.translation.translate({ messageId: message.id }),
        "to: give a language, or set a preferred one",
      ],
      [() => ben.api.user.updatePreferences({}), "give language, autoTranslate or both"],
      [
        () => ben.api.user.updatePreferences({ language: "e".repeat(36) }),
        "language has at most 35 characters",
      ],
      [
        () => ben.api.message.list({ threadId, translateTo: "12" }),
        "translateTo must be a BCP 47 language tag",
      ],
      [
        () => ben.api.member.updatePreferences({ threadId, autoTranslate: "yes" as never }),
        "autoTranslate must be true, false or null",
      ],
    ] as const;
    for (const [call, words] of cases) {
      const refused = await refusal(call());
      expect(refused.spoolCode).toBe("INVALID_INPUT");
      expect(refused.message).toContain(words);
    }
  });

  it("keeps preferences, canonical, for the user and per thread", async () => {
    const { ben, threadId } = await pair(api, "Prefs");
    expect(
      await ben.api.user.updatePreferences({ language: "PT-br", autoTranslate: true }),
    ).toEqual({
      language: "pt-BR",
      autoTranslate: true,
    });
    expect(await ben.api.user.me()).toMatchObject({ language: "pt-BR", autoTranslate: true });
    expect(await ben.api.member.preferences({ threadId })).toEqual({
      threadId,
      autoTranslate: null,
    });
    await ben.api.member.updatePreferences({ threadId, autoTranslate: false });
    expect(await ben.api.member.preferences({ threadId })).toEqual({
      threadId,
      autoTranslate: false,
    });
    expect(await ben.api.user.updatePreferences({ language: null })).toEqual({
      language: null,
      autoTranslate: true,
    });
  });

  it("counts characters sent per user per hour; cached ones are free", async () => {
    const { ann, ben, threadId } = await pair(api, "Budget");
    const carol: TestUser = await api.user("BudgetCarol");
    await ann.api.member.add({ threadId, userIds: [carol.id] });
    const first = await ann.api.message.send({ threadId, content: sentence(5) });
    const second = await ann.api.message.send({ threadId, content: sentence(6) });
    const third = await ann.api.message.send({ threadId, content: sentence(7) });

    await ben.api.translation.translate({ messageId: first.id, to: "fr" });
    await ben.api.translation.translate({ messageId: second.id, to: "fr" });
    const refused = await refusal(ben.api.translation.translate({ messageId: third.id, to: "fr" }));
    expect(refused).toMatchObject({ spoolCode: "RATE_LIMITED", code: "TOO_MANY_REQUESTS" });
    expect(refused.message).toContain("characters translated for you: at most 150 every 3600 s");
    const retryAfterMs = refused.data.retryAfterMs!;
    expect(retryAfterMs).toBeGreaterThan(0);
    expect(retryAfterMs).toBeLessThanOrEqual(3_600_000);

    // Already translated: served from the cache, whatever the budget.
    expect(await ben.api.translation.translate({ messageId: first.id, to: "fr" })).toMatchObject({
      translated: true,
    });
    // A page shows the refusal beside the original instead of failing.
    const page = await ben.api.message.list({ threadId, translateTo: "fr" });
    expect(page.items.find((item) => item.id === third.id)!.translation).toMatchObject({
      status: "unavailable",
      code: "RATE_LIMITED",
    });
    // Someone else's budget is their own.
    expect(await carol.api.translation.translate({ messageId: third.id, to: "fr" })).toMatchObject({
      translated: true,
    });
  });
});

describe.each(testDatabaseKinds)("the deployment's translation budget on %s", (kind) => {
  const api = useApi(kind, {
    ratePolicies: {
      ...defaultRatePolicies,
      translateDeployment: { ...defaultRatePolicies.translateDeployment, points: 100 },
    },
  });

  it("refuses everyone once the deployment's characters are spent, refunding the user's", async () => {
    const { ann, ben, threadId } = await pair(api, "Deployment");
    const long = await ann.api.message.send({ threadId, content: sentence(8) });
    const short = await ann.api.message.send({ threadId, content: "Deploy done, thanks all." });
    await ben.api.translation.translate({ messageId: long.id, to: "de" });
    const refused = await refusal(ann.api.translation.translate({ messageId: long.id, to: "fr" }));
    expect(refused).toMatchObject({ spoolCode: "RATE_LIMITED" });
    expect(refused.message).toContain("characters translated on this deployment: at most 100");
    // What still fits goes through.
    expect(await ann.api.translation.translate({ messageId: short.id, to: "fr" })).toMatchObject({
      translated: true,
    });
  });
});
