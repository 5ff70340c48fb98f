import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type AddressInfo } from "node:net";
import { testDatabaseKinds } from "@spool/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProviderError, type TranslationProvider } from "../../src/translation/provider";
import { apertiumApy } from "../../src/translation/providers/apertium-apy";
import { apertiumCommand } from "../../src/translation/providers/apertium-command";
import { AutoTranslatingPublisher } from "../../src/translation/auto-translate";
import { Translator } from "../../src/translation/translator";
import { useApi } from "../support/harness";

// Apertium for real, English ⇄ Spanish: Debian's apertium, apertium-eng-spa and apertium-apy
// (installed by `npm test` through scripts/ensure-apertium.mjs).

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** apertium-apy on a port of its own, once it answers. */
async function startApy(): Promise<{ url: string; process: ChildProcess }> {
  const port = await freePort();
  const child = spawn("apertium-apy", ["-p", String(port), "/usr/share/apertium"], {
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`apertium-apy exited with ${child.exitCode}`);
    const answered = await fetch(`${url}/listPairs`).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) return { url, process: child };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

let apy: Awaited<ReturnType<typeof startApy>>;
beforeAll(async () => {
  apy = await startApy();
});
afterAll(() => {
  apy?.process.kill();
});

const adapters: [string, () => TranslationProvider][] = [
  ["the apertium command", () => apertiumCommand({ timeoutMs: 120_000 })],
  ["apertium-apy", () => apertiumApy({ url: apy.url, timeoutMs: 120_000 })],
];

describe.each(adapters)("Apertium through %s", (_, make) => {
  it("offers the installed pairs as BCP 47 languages with their sources", async () => {
    const languages = await make().languages();
    expect(languages.find((language) => language.tag === "es")).toEqual({
      tag: "es",
      code: "spa",
      name: "Spanish",
      from: ["en"],
    });
    expect(languages.find((language) => language.tag === "en")).toMatchObject({
      code: "eng",
      from: ["es"],
    });
  });

  it("translates real sentences English → Spanish and Spanish → English", async () => {
    const provider = make();
    const languages = await provider.languages();
    const es = languages.find((language) => language.tag === "es")!;
    const en = languages.find((language) => language.tag === "en")!;
    const [report, weather] = await provider.translate({
      texts: ["Where is the report?", "The weather is good today."],
      from: "en",
      to: es,
      format: "text",
    });
    expect(report!.text).toBe("Dónde es el informe?");
    expect(weather!.text).toMatch(/^El tiempo es (bueno|bien) hoy\.$/);
    const [back] = await provider.translate({
      texts: ["El informe está listo."],
      from: "es",
      to: en,
      format: "text",
    });
    expect(back!.text).toMatch(/report/i);
    // Apertium cannot detect: with one pair into Spanish, that pair's source is assumed.
    const [guessed] = await provider.translate({
      texts: ["Good morning"],
      from: null,
      to: es,
      format: "text",
    });
    expect(guessed!.text).toMatch(/^Buenos días|^Bueno mañana/i);
  });

  it("keeps the markup of html in its html mode", async () => {
    const provider = make();
    const es = (await provider.languages()).find((language) => language.tag === "es")!;
    const [html] = await provider.translate({
      texts: ["<p>Hello <b>friend</b></p>"],
      from: "en",
      to: es,
      format: "html",
    });
    expect(html!.text).toBe("<p>Hola <b>Amigo</b></p>");
  });

  it("refuses a pair that is not installed as unsupported", async () => {
    const provider = make();
    const es = (await provider.languages()).find((language) => language.tag === "es")!;
    const error = await provider
      .translate({ texts: ["Guten Morgen"], from: "de", to: es, format: "text" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: "unsupported" });
    expect((error as Error).message).toContain("no German → Spanish pair installed");
  });
});

describe("a missing apertium command", () => {
  it("says which command installs it", async () => {
    const error = await apertiumCommand({ command: "apertium-not-here" })
      .languages()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      kind: "unavailable",
      message: "Apertium is not installed here (apt-get install -y apertium apertium-eng-spa).",
    });
  });
});

describe.each(testDatabaseKinds)("a thread read in Spanish through Apertium on %s", (kind) => {
  const api = useApi(kind, { translationProvider: apertiumCommand({ timeoutMs: 120_000 }) });

  it("shows the Spanish beside the English original, and the new Spanish after an edit", async () => {
    const [alice, bob] = await api.users(2, "Apertium");
    await bob.api.user.updatePreferences({ language: "es", autoTranslate: true });
    const { thread } = await alice.api.thread.create({
      kind: "group",
      topic: "Hola",
      memberIds: [bob.id],
    });
    const message = await alice.api.message.send({
      threadId: thread.id,
      content: "Where is the report?",
    });
    const page = await bob.api.message.list({ threadId: thread.id, translateTo: "es" });
    expect(page.items[0]).toMatchObject({
      content: "Where is the report?",
      translation: { status: "translated", to: "es", from: "en", content: "Dónde es el informe?" },
    });
    await alice.api.message.edit({ messageId: message.id, content: "The report is ready." });
    const edited = await bob.api.translation.translate({ messageId: message.id });
    expect(edited).toMatchObject({ version: 2, translated: true, from: "en" });
    expect(edited.content).toMatch(/informe/);
  });
});

describe.each(testDatabaseKinds)("Spanish pushed through apertium-apy on %s", (kind) => {
  const api = useApi(kind);

  it("reaches an auto-translating reader as one event after each message", async () => {
    // apertium-apy starts in beforeAll, after useApi has made the harness's translator.
    const translator = new Translator({
      provider: apertiumApy({ url: apy.url, timeoutMs: 120_000 }),
      limits: api.deps.limits,
    });
    const publisher = new AutoTranslatingPublisher(api.changes, { db: api.db, translator });
    api.publishTo(publisher);
    const [alice, bob] = await api.users(2, "Pushed");
    await bob.api.user.updatePreferences({ language: "es", autoTranslate: true });
    const { thread } = await alice.api.thread.create({
      kind: "group",
      topic: "P",
      memberIds: [bob.id],
    });
    const latencies: number[] = [];
    for (const content of [
      "Where is the report?",
      "The report is ready.",
      "Thank you very much.",
    ]) {
      const mark = api.changes.changes.length;
      const started = performance.now();
      await alice.api.message.send({ threadId: thread.id, content });
      await publisher.idle();
      latencies.push(Math.round(performance.now() - started));
      const event = api.changesSince(mark).find((change) => change.type === "message.translated");
      expect(event).toMatchObject({
        language: "en",
        translations: [{ to: "es", outcome: { status: "translated" } }],
      });
    }
    console.log(`send → message.translated through apertium-apy: ${latencies.join(", ")} ms`);
  });
});
