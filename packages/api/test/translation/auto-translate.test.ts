import { testDatabaseKinds } from "@spool/db/testing";
import { describe, expect, it } from "vitest";
import type { ThreadChange } from "../../src/changes/thread-change";
import { deliveriesFor } from "../../src/realtime/deliveries";
import { AutoTranslatingPublisher } from "../../src/translation/auto-translate";
import { fakeProvider } from "../support/fake-provider";
import { useApi, type TestUser } from "../support/harness";

type Translated = Extract<ThreadChange, { type: "message.translated" }>;

describe.each(testDatabaseKinds)("auto-translation on %s", (kind) => {
  const fake = fakeProvider();
  const api = useApi(kind, { translationProvider: fake.provider });

  function autoTranslating() {
    const publisher = new AutoTranslatingPublisher(api.changes, api.deps);
    api.publishTo(publisher);
    return publisher;
  }
  const translatedSince = (mark: number) =>
    api
      .changesSince(mark)
      .filter((change): change is Translated => change.type === "message.translated");

  it("costs at most one provider call per other language per message, for 50 readers in 3 languages", async () => {
    const publisher = autoTranslating();
    const alice = await api.user("Alice");
    await alice.api.user.updatePreferences({ language: "en", autoTranslate: true });
    const readers: TestUser[] = [];
    const languages = ["en", "es", "fr"];
    for (let index = 0; index < 49; index++) {
      const reader = await api.user(`Reader${index}`);
      await reader.api.user.updatePreferences({
        language: languages[index % 3]!,
        autoTranslate: true,
      });
      readers.push(reader);
    }
    const { thread } = await alice.api.thread.create({
      kind: "group",
      topic: "Fifty",
      memberIds: readers.map((reader) => reader.id),
    });

    const perMessage: number[] = [];
    const sentences = [
      "The release candidate is ready for testing on staging.",
      "Please remember to file your expenses before Friday.",
      "Lunch is on the team today to celebrate the launch.",
    ];
    for (const content of sentences) {
      const mark = api.changes.changes.length;
      const before = fake.requests.length;
      const message = await alice.api.message.send({ threadId: thread.id, content });
      await publisher.idle();
      // Every reader opens the thread at once, in their own language.
      await Promise.all(
        readers.map((reader, index) =>
          reader.api.message.list({ threadId: thread.id, translateTo: languages[index % 3]! }),
        ),
      );
      perMessage.push(fake.requests.length - before);

      const [event] = translatedSince(mark);
      expect(event!.message.id).toBe(message.id);
      expect(event!.translations.map(({ outcome }) => outcome)).toEqual([
        { status: "translated", to: "es", from: "en", content: `[es] ${content}`, version: 1 },
        { status: "translated", to: "fr", from: "en", content: `[fr] ${content}`, version: 1 },
      ]);
    }
    console.log(
      `provider calls per new message, 50 readers in 3 languages: ${perMessage.join(", ")}`,
    );
    expect(perMessage).toEqual([2, 2, 2]);
  });

  it("follows each member's thread override, and translates an edit again", async () => {
    const publisher = autoTranslating();
    const [ann, optedIn, optedOut, manual] = await api.users(4, "Override");
    await optedIn.api.user.updatePreferences({ language: "de", autoTranslate: false });
    await optedOut.api.user.updatePreferences({ language: "fr", autoTranslate: true });
    await manual.api.user.updatePreferences({ language: "es", autoTranslate: false });
    const { thread } = await ann.api.thread.create({
      kind: "group",
      topic: "Override",
      memberIds: [optedIn.id, optedOut.id, manual.id],
    });
    await optedIn.api.member.updatePreferences({ threadId: thread.id, autoTranslate: true });
    await optedOut.api.member.updatePreferences({ threadId: thread.id, autoTranslate: false });

    let mark = api.changes.changes.length;
    const message = await ann.api.message.send({
      threadId: thread.id,
      content: "The office will be closed on Monday for maintenance work.",
    });
    await publisher.idle();
    expect(
      translatedSince(mark).flatMap((event) => event.translations.map(({ to }) => to)),
    ).toEqual(["de"]);

    mark = api.changes.changes.length;
    await ann.api.message.edit({
      messageId: message.id,
      content: "The office will be closed on Tuesday for maintenance work.",
    });
    await publisher.idle();
    const [edited] = translatedSince(mark);
    expect(edited).toMatchObject({ message: { id: message.id, version: 2 } });
    // The edit reads its readers by the same rules as the send: the override, then the user's.
    expect(edited!.translations.map(({ to }) => to)).toEqual(["de"]);
    expect(edited!.translations[0]!.outcome).toMatchObject({
      content: "[de] The office will be closed on Tuesday for maintenance work.",
      version: 2,
    });

    // On the thread's channel, at the message's own sequence; hidden from members who may
    // not see it (fetched through the API instead).
    const [delivery] = deliveriesFor(edited!);
    expect(delivery!.event).toBe("message.translated");
    expect(JSON.parse(delivery!.data)).toEqual({
      threadId: thread.id,
      sequence: edited!.sequence,
      messageId: message.id,
      version: 2,
      language: "en",
      translations: [
        {
          to: "de",
          from: "en",
          content: "[de] The office will be closed on Tuesday for maintenance work.",
          error: null,
        },
      ],
    });
    const hidden = deliveriesFor({ ...edited!, historyCut: new Date(Date.now() + 60_000) });
    expect(JSON.parse(hidden[0]!.data).translations[0].content).toBeNull();
  });

  it("publishes the failure when the provider fails, and never fails the send", async () => {
    const publisher = autoTranslating();
    const [ann, ben] = await api.users(2, "FanFail");
    await ben.api.user.updatePreferences({ language: "es", autoTranslate: true });
    const { thread } = await ann.api.thread.create({
      kind: "group",
      topic: "F",
      memberIds: [ben.id],
    });
    fake.fail(new Error("connection reset"));
    const mark = api.changes.changes.length;
    try {
      await ann.api.message.send({
        threadId: thread.id,
        content: "This one will not be translated because the provider is down.",
      });
      await publisher.idle();
    } finally {
      fake.heal();
    }
    const [event] = translatedSince(mark);
    expect(event!.translations[0]).toMatchObject({
      to: "es",
      outcome: { status: "unavailable", code: "TRANSLATION_UNAVAILABLE" },
    });
  });
});
