import { testDatabaseKinds } from "@spool/db/testing";
import { describe, expect, it } from "vitest";
import { fakeProvider } from "../support/fake-provider";
import { refusal, useApi, type TestUser } from "../support/harness";

describe.each(testDatabaseKinds)("translation on %s", (kind) => {
  const fake = fakeProvider();
  const api = useApi(kind, { translationProvider: fake.provider });

  async function thread(prefix: string, readers = 1): Promise<[TestUser, TestUser[], string]> {
    const writer = await api.user(`${prefix}Writer`);
    const others: TestUser[] = [];
    for (let index = 0; index < readers; index++) others.push(await api.user(`${prefix}${index}`));
    const { thread } = await writer.api.thread.create({
      kind: "group",
      topic: prefix,
      memberIds: others.map((user) => user.id),
    });
    return [writer, others, thread.id];
  }

  /** Provider requests made while `action` ran. */
  async function requestsDuring(action: () => Promise<unknown>) {
    const before = fake.requests.length;
    await action();
    return fake.requests.slice(before);
  }

  it("translates on demand into the reader's language and detects the sender's once", async () => {
    const [ann, [ben], threadId] = await thread("OnDemand");
    await ben!.api.user.updatePreferences({ language: "es" });
    const message = await ann.api.message.send({
      threadId,
      content: "Where is the quarterly report for the meeting?",
    });

    const translated = await ben!.api.translation.translate({ messageId: message.id });
    expect(translated).toEqual({
      messageId: message.id,
      version: 1,
      to: "es",
      from: "en",
      content: "[es] Where is the quarterly report for the meeting?",
      translated: true,
    });
    const stored = await api.db.message.findUniqueOrThrow({ where: { id: message.id } });
    expect(stored.language).toBe("en");
    // The original is never replaced.
    expect(stored.content).toBe("Where is the quarterly report for the meeting?");
  });

  it("never sends a message already in the reader's language to the provider", async () => {
    const [ann, [ben], threadId] = await thread("Same");
    const message = await ann.api.message.send({
      threadId,
      content: "Good morning, the meeting moved to three o'clock.",
    });
    const requests = await requestsDuring(async () => {
      const result = await ben!.api.translation.translate({ messageId: message.id, to: "en-GB" });
      expect(result).toMatchObject({ translated: false, content: message.content });
      const page = await ben!.api.message.list({ threadId, translateTo: "en" });
      expect(page.items[0]!.translation).toBeNull();
    });
    expect(requests).toEqual([]);
  });

  it("makes one provider call for many readers at once, and none after (cache)", async () => {
    const [ann, readers, threadId] = await thread("Flight", 8);
    const message = await ann.api.message.send({
      threadId,
      content: "The build is green again, thanks everyone for the quick fixes.",
    });
    const release = fake.hold();
    const before = fake.requests.length;
    const reading = readers.map((reader) =>
      reader.api.translation.translate({ messageId: message.id, to: "fr" }),
    );
    // Everyone has asked before the provider answers.
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    const results = await Promise.all(reading);
    expect(new Set(results.map((result) => result.content))).toEqual(
      new Set(["[fr] The build is green again, thanks everyone for the quick fixes."]),
    );
    expect(fake.requests.length - before).toBe(1);

    const again = await requestsDuring(() =>
      readers[0]!.api.message.list({ threadId, translateTo: "fr" }),
    );
    expect(again).toEqual([]);
    const rows = await api.db.messageTranslation.findMany({ where: { messageId: message.id } });
    expect(rows).toMatchObject([{ version: 1, language: "fr", provider: "libretranslate" }]);
  });

  it("batches a page's untranslated messages into one provider request", async () => {
    const [ann, [ben], threadId] = await thread("Batch");
    const sentences = [
      "Please review the pull request before lunch.",
      "The deployment window starts at nine tonight.",
      "Remember to update the changelog with your notes.",
      "Customers reported slow loading on the dashboard.",
    ];
    for (const content of sentences) await ann.api.message.send({ threadId, content });
    const requests = await requestsDuring(async () => {
      const page = await ben!.api.message.list({ threadId, translateTo: "de" });
      expect(page.items.map((item) => item.translation)).toEqual(
        sentences.map((content) => ({
          status: "translated",
          to: "de",
          from: "en",
          content: `[de] ${content}`,
          version: 1,
        })),
      );
      expect(page.items.map((item) => item.content)).toEqual(sentences);
    });
    // One sentence is too plain for detection to be sure of (stored as `und`), so the
    // provider is left to detect each text's language rather than splitting the batch.
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ texts: sentences, from: null, format: "text" });
  });

  it("serves the new version after an edit, and erases translations on delete", async () => {
    const [ann, [ben], threadId] = await thread("Edit");
    const message = await ann.api.message.send({
      threadId,
      content: "The meeting is on Monday morning in the big room.",
    });
    await ben!.api.translation.translate({ messageId: message.id, to: "es" });
    await ann.api.message.edit({
      messageId: message.id,
      content: "The meeting is on Tuesday afternoon in the small room.",
    });
    const old = await api.db.messageTranslation.findMany({ where: { messageId: message.id } });
    expect(old).toEqual([]);

    const page = await ben!.api.message.list({ threadId, translateTo: "es" });
    expect(page.items[0]!.translation).toMatchObject({
      version: 2,
      content: "[es] The meeting is on Tuesday afternoon in the small room.",
    });

    await ann.api.message.delete({ messageId: message.id });
    expect(await api.db.messageTranslation.count({ where: { messageId: message.id } })).toBe(0);
    const after = await requestsDuring(async () => {
      const tombstone = await ben!.api.message.list({ threadId, translateTo: "es" });
      expect(tombstone.items[0]!.translation).toBeNull();
    });
    expect(after).toEqual([]);
    expect(
      (await refusal(ben!.api.translation.translate({ messageId: message.id, to: "es" })))
        .spoolCode,
    ).toBe("MESSAGE_DELETED");
  });

  it("never keeps a translation made of text that was edited away meanwhile", async () => {
    const [ann, [ben], threadId] = await thread("Race");
    const message = await ann.api.message.send({
      threadId,
      content: "This sentence will be replaced while it is being translated.",
    });
    const release = fake.hold();
    const translating = ben!.api.translation.translate({ messageId: message.id, to: "fr" });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await ann.api.message.edit({ messageId: message.id, content: "Replaced sentence here." });
    release();
    await translating;
    expect(await api.db.messageTranslation.count({ where: { messageId: message.id } })).toBe(0);
  });

  it("translates html in the provider's html mode and sanitises the result again", async () => {
    const [ann, [ben], threadId] = await thread("Html");
    const message = await ann.api.message.send({
      threadId,
      type: "html",
      content: "<p>The <b>release notes</b> are ready for everyone to read.</p>",
    });
    // A provider that answers with markup chat does not allow.
    fake.answerWith((text) => `${text}<script>alert(1)</script><img src=x onerror=alert(1)>`);
    try {
      const requests = await requestsDuring(async () => {
        const result = await ben!.api.translation.translate({ messageId: message.id, to: "es" });
        expect(result.content).toBe(
          "<p>The <b>release notes</b> are ready for everyone to read.</p>",
        );
      });
      expect(requests).toMatchObject([{ format: "html", from: "en" }]);
    } finally {
      fake.heal();
    }
  });
});
