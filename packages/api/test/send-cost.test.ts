import { testDatabaseKinds } from "@spool/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { createContext } from "../src/context";
import { createCaller } from "../src/root";
import { issueToken } from "../src/services/identity/issue-token";
import type { MessageView } from "../src/shapes/message";
import { AutoTranslatingPublisher } from "../src/translation/auto-translate";
import { useApi } from "./support/harness";

describe.each(testDatabaseKinds)("what a send costs the database on %s", (kind) => {
  // A translation provider is configured (the harness's stand-in), so every change goes
  // through the auto-translating publisher, as in the web app.
  const api = useApi(kind);
  let publisher: AutoTranslatingPublisher;
  beforeAll(() => {
    publisher = new AutoTranslatingPublisher(api.changes, api.deps);
    api.publishTo(publisher);
  });
  /** The API as a request with this bearer token reaches it over HTTP. */
  const withToken = async (token: string) =>
    createCaller(
      await createContext({
        deps: api.deps,
        headers: new Headers({ authorization: `Bearer ${token}` }),
        accessKey: undefined,
      }),
    );

  it("sends with a bearer token in one statement, and announces it from what that returned", async () => {
    const [ann, ben] = await api.users(2, "Lean");
    const { thread } = await ann.api.thread.create({
      kind: "group",
      topic: "Lean",
      memberIds: [ben.id],
    });
    const threadId = thread.id;
    const { token } = await issueToken(api.deps, {
      userId: ann.id,
      scopes: ["chat"],
      expiresInMinutes: 60,
    });
    // The first request looks its token up; the instance knows it from then on.
    await (await withToken(token)).message.send({ threadId, content: "first" });
    const mark = api.changes.changes.length;

    let sent: MessageView | undefined;
    const send = () =>
      withToken(token).then((caller) =>
        caller.message.send({ threadId, content: "one round trip", clientMessageId: "lean-1" }),
      );
    const statements = await api.statementsOf(async () => {
      sent = await send();
      await publisher.idle();
    });

    expect(statements).toHaveLength(1);
    expect(statements[0]).toContain('INSERT INTO "Message"');
    expect(sent).toMatchObject({ sequence: 2, content: "one round trip", senderId: ann.id });
    expect(api.changesSince(mark)).toEqual([
      {
        type: "message.created",
        threadId,
        sequence: 2,
        message: sent,
        channelEpoch: 0,
        memberIds: [ann.id, ben.id].sort(),
        historyCut: null,
        translationReaders: [],
      },
    ]);

    // A retry is answered by the same one statement, which then stores and announces nothing.
    let again: MessageView | undefined;
    expect(await api.statementsOf(async () => (again = await send()))).toHaveLength(1);
    expect(again).toEqual(sent);
    expect(api.changesSince(mark)).toHaveLength(1);
  });

  it("hands the auto-translating readers to the publisher in that one statement", async () => {
    const [ann, ben, cy] = await api.users(3, "Readers");
    await ann.api.user.updatePreferences({ language: "en", autoTranslate: true });
    await ben.api.user.updatePreferences({ language: "es", autoTranslate: true });
    await cy.api.user.updatePreferences({ language: "fr", autoTranslate: true });
    const { thread } = await ann.api.thread.create({
      kind: "group",
      topic: "Readers",
      memberIds: [ben.id, cy.id],
    });
    // Cy reads this thread untranslated, whatever her own switch says.
    await cy.api.member.updatePreferences({ threadId: thread.id, autoTranslate: false });
    const mark = api.changes.changes.length;

    const statements = await api.statementsOf(async () => {
      await ann.api.message.send({ threadId: thread.id, content: "Good morning, everyone." });
      await publisher.idle();
    });

    // One statement stores the message and finds its readers; what follows is translation's
    // own (the detected language, the translation cache), never the members again.
    expect(statements[0]).toContain('INSERT INTO "Message"');
    expect(statements.slice(1).filter((statement) => statement.includes('"Member"'))).toEqual([]);
    const [created, translated] = api.changesSince(mark);
    expect(created).toMatchObject({ type: "message.created" });
    expect(created).toHaveProperty(
      "translationReaders",
      expect.arrayContaining([
        { userId: ann.id, language: "en" },
        { userId: ben.id, language: "es" },
      ]),
    );
    expect(created).toHaveProperty("translationReaders.length", 2);
    // The sender reads her own language: only Ben's is translated.
    expect(translated).toMatchObject({
      type: "message.translated",
      translations: [
        { to: "es", outcome: { status: "translated", content: "[es] Good morning, everyone." } },
      ],
    });
  });

  it("sends as a signed-in browser user in one statement", async () => {
    const [ann] = await api.users(1, "Session");
    const { thread } = await ann.api.thread.create({ kind: "group", topic: "Session" });
    const statements = await api.statementsOf(() =>
      ann.api.message.send({ threadId: thread.id, content: "hello" }),
    );
    expect(statements).toHaveLength(1);
  });

  it("refuses a non-member in that same one statement, telling them nothing", async () => {
    const [ann, eve] = await api.users(2, "Outside");
    const { thread } = await ann.api.thread.create({ kind: "group", topic: "Inside" });
    let refused: unknown;
    const statements = await api.statementsOf(async () => {
      refused = await eve.api.message.send({ threadId: thread.id, content: "hi" }).catch((e) => e);
    });
    expect(statements).toHaveLength(1);
    expect(refused).toMatchObject({ code: "NOT_FOUND" });
    expect(await api.db.message.count({ where: { threadId: thread.id } })).toBe(0);
  });
});
