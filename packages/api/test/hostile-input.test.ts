import { testDatabaseKinds } from "@spool/db/testing";
import { describe, expect, it } from "vitest";
import { useApi } from "./support/harness";
import { ACCESS_KEY, httpApi, procedurePaths, refusal, result, wire } from "./support/http";

// Input that used to reach the database and fail there (a 500), or be silently changed or
// dropped: each is now a 400 that names the field and says what is allowed.

describe.each(testDatabaseKinds)("hostile input over HTTP on %s", (kind) => {
  const api = useApi(kind);
  const http = httpApi(api);
  const service = { authorization: `AccessKey ${ACCESS_KEY}` };

  async function fixture() {
    const [owner, other] = await api.users(2, "Hostile");
    const { thread } = await owner.api.thread.create({
      kind: "group",
      topic: "Hostile",
      memberIds: [other.id],
    });
    const message = await owner.api.message.send({ threadId: thread.id, content: "hello" });
    return { owner, other, threadId: thread.id, messageId: message.id, as: { session: owner.id } };
  }
  type Fixture = Awaited<ReturnType<typeof fixture>>;

  /** Every string field that reaches the database, with a valid input around the bad value. */
  const stringFields: [string, string, (f: Fixture, bad: string) => unknown][] = [
    ["message.send", "content", (f, bad) => ({ threadId: f.threadId, content: bad })],
    [
      "message.send",
      "metadata.k",
      (f, bad) => ({ threadId: f.threadId, content: "hi", metadata: { k: bad } }),
    ],
    [
      "message.send",
      "metadata.<the key>",
      (f, bad) => ({ threadId: f.threadId, content: "hi", metadata: { [bad]: "v" } }),
    ],
    ["message.edit", "content", (f, bad) => ({ messageId: f.messageId, content: bad })],
    ["thread.create", "topic", (_, bad) => ({ kind: "group", topic: bad })],
    ["thread.updateTopic", "topic", (f, bad) => ({ threadId: f.threadId, topic: bad })],
    ["thread.list", "topic", (_, bad) => ({ topic: bad })],
    ["user.search", "query", (_, bad) => ({ query: bad })],
    ["identity.createUser", "name", (_, bad) => ({ name: bad })],
    ["identity.createUser", "externalId", (_, bad) => ({ name: "Ext", externalId: bad })],
    [
      "account.signUp",
      "name",
      (_, bad) => ({ username: "hostile", name: bad, password: "long enough" }),
    ],
    [
      "account.signUp",
      "password",
      (_, bad) => ({ username: "hostile", name: "H", password: `pass${bad}word` }),
    ],
    ["reaction.add", "emoji", (f, bad) => ({ messageId: f.messageId, emoji: `👍${bad}` })],
  ];

  const call = (f: Fixture, path: string, input: unknown) =>
    http.call(path, input, path.startsWith("identity.") ? service : f.as);

  it.each(stringFields)("%s refuses U+0000 in %s", async (path, field, input) => {
    const f = await fixture();
    const refused = await refusal(await call(f, path, input(f, "a\0b")));
    expect(refused).toMatchObject({ status: 400, spoolCode: "INVALID_INPUT" });
    expect(refused.issues).toContainEqual({
      path: field.replace("<the key>", "a\0b"),
      message: expect.stringMatching(/must not contain U\+0000 \(NUL\)/),
    });
  });

  it.each(stringFields)("%s refuses a lone surrogate in %s", async (path, field, input) => {
    const f = await fixture();
    const refused = await refusal(await call(f, path, input(f, "a\uD800b")));
    expect(refused).toMatchObject({ status: 400, spoolCode: "INVALID_INPUT" });
    expect(refused.issues).toContainEqual({
      path: field.replace("<the key>", "a\uD800b"),
      message: expect.stringMatching(/must be valid Unicode: it has a lone UTF-16 surrogate/),
    });
  });

  it("stores nothing of a refused string", async () => {
    const f = await fixture();
    await call(f, "message.send", { threadId: f.threadId, content: "\uDFFFbroken" });
    const contents = (await api.db.message.findMany({ where: { threadId: f.threadId } })).map(
      (message) => message.content,
    );
    expect(contents).toEqual(["hello"]);
  });

  it.each([
    ["message.list", "after", (f: Fixture, n: number) => ({ threadId: f.threadId, after: n })],
    ["message.list", "before", (f: Fixture, n: number) => ({ threadId: f.threadId, before: n })],
    [
      "receipt.markRead",
      "sequence",
      (f: Fixture, n: number) => ({ threadId: f.threadId, sequence: n }),
    ],
  ])("%s keeps %s within the database's integer", async (path, field, input) => {
    const f = await fixture();
    for (const n of [2 ** 31, 2 ** 53 - 1]) {
      const refused = await refusal(await call(f, path, input(f, n)));
      expect(refused).toMatchObject({ status: 400, spoolCode: "INVALID_INPUT" });
      expect(refused.issues).toEqual([{ path: field, message: `${field} is at most 2147483647` }]);
    }
    expect((await call(f, path, input(f, 2 ** 31 - 1))).status).toBe(200);
  });

  it("refuses a thread.list cursor whose date the database cannot hold", async () => {
    const f = await fixture();
    for (const at of ["+275760-09-13T00:00:00.000Z", "-000001-01-01T00:00:00.000Z", "never"]) {
      const cursor = Buffer.from(JSON.stringify([at, f.threadId])).toString("base64url");
      const refused = await refusal(await http.query("thread.list", { cursor }, f.as));
      expect(refused).toEqual({
        status: 400,
        spoolCode: "INVALID_INPUT",
        message: "cursor must be a nextCursor returned by thread.list.",
        issues: undefined,
      });
    }
  });

  it("refuses a shareHistoryTime the database cannot hold, or no date at all", async () => {
    const f = await fixture();
    const [newcomer] = await api.users(1, "Late");
    const add = (shareHistoryTime: unknown) =>
      http.mutation(
        "member.add",
        { threadId: f.threadId, userIds: [newcomer.id], shareHistoryTime },
        f.as,
      );
    for (const date of [new Date(8.64e15), new Date(-8.64e15), new Date("-000001-06-01")]) {
      const refused = await refusal(await add(date));
      expect(refused).toMatchObject({ status: 400, spoolCode: "INVALID_INPUT" });
      expect(refused.issues).toEqual([
        { path: "shareHistoryTime", message: "shareHistoryTime is a date from year 1 to 9999" },
      ]);
    }
    // superjson marks the value a Date; "soon" makes an invalid one.
    const invalid = await http.handle(
      new Request(http.url("member.add"), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          json: { threadId: f.threadId, userIds: [newcomer.id], shareHistoryTime: "soon" },
          meta: { values: { shareHistoryTime: ["Date"] } },
        }),
      }),
      f.as,
    );
    expect((await refusal(invalid)).issues).toEqual([
      { path: "shareHistoryTime", message: "shareHistoryTime must be a valid date" },
    ]);
    expect(await api.db.member.count({ where: { threadId: f.threadId } })).toBe(2);
  });

  it.each(["PUT", "PATCH", "DELETE"])(
    "answers %s with 405 and the methods it allows",
    async (method) => {
      const response = await http.handle(new Request(http.url("thread.list"), { method }));
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("GET, POST, HEAD, OPTIONS");
      expect(await refusal(response)).toMatchObject({ spoolCode: "METHOD_NOT_SUPPORTED" });
    },
  );

  it("answers OPTIONS with the methods it allows", async () => {
    const response = await http.handle(new Request(http.url("thread.list"), { method: "OPTIONS" }));
    expect(response.status).toBe(204);
    expect(response.headers.get("allow")).toBe("GET, POST, HEAD, OPTIONS");
  });

  it("refuses deeply nested input with the documented depth, not a stack overflow", async () => {
    const f = await fixture();
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    const body = `{"json":{"threadId":"${f.threadId}","content":"hi"},"meta":{"values":{"content":${deep}}}}`;
    const response = await http.handle(
      new Request(http.url("message.send"), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      }),
      f.as,
    );
    expect(await refusal(response)).toMatchObject({
      status: 400,
      spoolCode: "INVALID_INPUT",
      message:
        "input is nested too deep: at most 32 levels of objects and arrays, the superjson envelope included",
    });
  });

  it("refuses a metadata key superjson would never send back, so the thread stays readable", async () => {
    const f = await fixture();
    for (const key of ["prototype", "constructor"]) {
      // As plain JSON: superjson on this side would refuse to write the key at all.
      const body = JSON.stringify({
        json: { threadId: f.threadId, content: "hi", metadata: { [key]: "v" } },
      });
      const request = new Request(http.url("message.send"), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      });
      const refused = await refusal(await http.handle(request, f.as));
      expect(refused).toMatchObject({ status: 400, spoolCode: "INVALID_INPUT" });
      expect(refused.message).toContain(
        "metadata keys must not be __proto__, constructor or prototype",
      );
    }
    const listed = await http.query("message.list", { threadId: f.threadId }, f.as);
    expect(listed.status).toBe(200);
  });

  it("still takes metadata and dates that are within the rules", async () => {
    const f = await fixture();
    const sent = await result<{ metadata: Record<string, string> }>(
      await http.mutation(
        "message.send",
        { threadId: f.threadId, content: "😀 fine", metadata: { clé: "välue 😀" } },
        f.as,
      ),
    );
    expect(sent.metadata).toEqual({ clé: "välue 😀" });
    const [newcomer] = await api.users(1, "Late");
    const added = await http.mutation(
      "member.add",
      { threadId: f.threadId, userIds: [newcomer.id], shareHistoryTime: new Date("2020-01-01") },
      f.as,
    );
    expect(added.status).toBe(200);
  });

  describe("unknown keys", () => {
    it("refuses a misspelt key on message.send, naming it and the allowed ones", async () => {
      const f = await fixture();
      const refused = await refusal(
        await http.mutation(
          "message.send",
          { threadId: f.threadId, content: "hi", prority: "high" },
          f.as,
        ),
      );
      expect(refused).toEqual({
        status: 400,
        spoolCode: "INVALID_INPUT",
        message:
          'input: unknown key "prority"; allowed: threadId, content, type, priority, clientMessageId, metadata',
        issues: [
          {
            path: "",
            message:
              'unknown key "prority"; allowed: threadId, content, type, priority, clientMessageId, metadata',
          },
        ],
      });
      expect(await api.db.message.count({ where: { threadId: f.threadId } })).toBe(1);
    });

    it("refuses a client-supplied createdAt instead of ignoring it", async () => {
      const f = await fixture();
      const refused = await refusal(
        await http.mutation(
          "message.send",
          { threadId: f.threadId, content: "hi", createdAt: new Date("2001-01-01") },
          f.as,
        ),
      );
      expect(refused.message).toMatch(/^input: unknown key "createdAt"; allowed: threadId, /);
    });

    it("refuses unknown keys inside each kind of thread.create", async () => {
      const f = await fixture();
      const group = await refusal(
        await http.mutation("thread.create", { kind: "group", topic: "T", public: true }, f.as),
      );
      expect(group.message).toBe('input: unknown key "public"; allowed: kind, topic, memberIds');
      const direct = await refusal(
        await http.mutation(
          "thread.create",
          { kind: "direct", userId: f.other.id, topic: "T" },
          f.as,
        ),
      );
      expect(direct.message).toBe('input: unknown key "topic"; allowed: kind, userId');
    });

    it("takes the cursor and direction tRPC's infinite queries add to thread.list", async () => {
      const f = await fixture();
      const page = await result<{ items: { id: string }[] }>(
        await http.query(
          "thread.list",
          { limit: 10, cursor: undefined, direction: "forward" },
          f.as,
        ),
      );
      expect(page.items.map((thread) => thread.id)).toContain(f.threadId);
      const refused = await refusal(
        await http.query("thread.list", { direction: "sideways" }, f.as),
      );
      expect(refused.message).toBe("direction: direction is 'forward' or 'backward'");
    });

    it("refuses input to a procedure that takes none", async () => {
      const f = await fixture();
      const refused = await refusal(await http.query("user.me", { verbose: true }, f.as));
      expect(refused).toMatchObject({
        status: 400,
        message: "input: this procedure takes no input",
      });
    });

    it("refuses an extra key on every procedure of the router", async () => {
      const f = await fixture();
      for (const path of procedurePaths) {
        const refused = await refusal(await call(f, path, { ...validInput(f, path), zzz: 1 }));
        expect(refused, path).toMatchObject({ status: 400, spoolCode: "INVALID_INPUT" });
        expect(refused.message, path).toMatch(/unknown key "zzz"|takes no input/);
      }
    });
  });

  /** Enough of a valid input that only the extra key can be wrong. */
  function validInput(f: Fixture, path: string): Record<string, unknown> {
    const [noun, verb] = path.split(".");
    if (path === "thread.create") return { kind: "group" };
    if (path === "identity.createUser") return { name: "N" };
    if (noun === "identity") return { userId: f.other.id };
    if (path === "account.signUp")
      return { username: "zzz-key", name: "Z", password: "long enough" };
    if (noun === "reaction" && verb !== "list") return { messageId: f.messageId, emoji: "👍" };
    if (noun === "message" && verb !== "send" && verb !== "list") return { messageId: f.messageId };
    if (noun === "reaction" || path === "translation.translate") return { messageId: f.messageId };
    if (path === "member.updatePreferences") return { threadId: f.threadId, autoTranslate: true };
    if (path === "user.updatePreferences") return { autoTranslate: true };
    if (noun === "user" || path === "thread.list") return {};
    return { threadId: f.threadId };
  }

  it("sends what a client sends: superjson on the wire", () => {
    expect(wire({ at: new Date(0) })).toBe(
      '{"json":{"at":"1970-01-01T00:00:00.000Z"},"meta":{"values":{"at":["Date"]},"v":1}}',
    );
  });
});
