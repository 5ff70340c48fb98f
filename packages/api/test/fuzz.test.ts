import { testDatabaseKinds } from "@spool/db/testing";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { errorCodes } from "../src/errors";
import { SignUpInput } from "../src/inputs/account";
import { defaultRatePolicies, type RatePolicies } from "../src/rate-limits";
import { useApi } from "./support/harness";
import { hostileString, hostileValue, superjsonWire, unknownKey } from "./support/hostile";
import { ACCESS_KEY, httpApi, procedurePaths, procedureType, type As } from "./support/http";

// Every procedure of the router gets 1,000 generated hostile requests over the production
// HTTP handler, mixed with valid ones so that the database is reached: none may answer 5xx,
// every refusal carries a known spoolCode, and nothing hostile is stored.

const runsPerProcedure = 1000;

/** Refusals by the HTTP layer itself carry tRPC's own code. */
const knownCodes = new Set<string>([
  ...Object.keys(errorCodes),
  "NOT_FOUND",
  "METHOD_NOT_SUPPORTED",
  "UNSUPPORTED_MEDIA_TYPE",
]);

// Limits far above what the fuzzer sends, so that it reaches the database instead of 429s.
const generous = Object.fromEntries(
  Object.entries(defaultRatePolicies).map(([name, policy]) => [
    name,
    { ...policy, points: 1_000_000 },
  ]),
) as RatePolicies;

describe.each(testDatabaseKinds)("fuzzing every procedure over HTTP on %s", (kind) => {
  const api = useApi(kind, { ratePolicies: generous });
  const http = httpApi(api);
  const service: As = { authorization: `AccessKey ${ACCESS_KEY}` };
  const started = Date.now();
  afterAll(() => console.log(`fuzz on ${kind}: ${((Date.now() - started) / 1000).toFixed(1)} s`));

  async function fixture() {
    const [owner, member, outsider] = await api.users(3, "Fuzz");
    const { thread } = await owner.api.thread.create({
      kind: "group",
      topic: "Fuzz",
      memberIds: [member.id],
    });
    const message = await owner.api.message.send({ threadId: thread.id, content: "hello" });
    await member.api.message.send({ threadId: thread.id, content: "hi back" });
    return { owner, member, outsider, threadId: thread.id, messageId: message.id };
  }
  type Fixture = Awaited<ReturnType<typeof fixture>>;

  /** A valid input for each procedure, every optional field present or not. */
  function validInputs(f: Fixture): Record<string, fc.Arbitrary<unknown>> {
    const opt = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
    const thread = fc.constant({ threadId: f.threadId });
    const message = fc.constant({ messageId: f.messageId });
    const text = fc.string({ minLength: 1, maxLength: 50 }).filter((s) => s.trim() !== "");
    const emoji = fc.constantFrom("👍", "🎉", "❤️");
    const language = fc.constantFrom("en", "es", "fr", "pt-BR", "ja");
    const user = fc.constantFrom(f.member.id, f.outsider.id);
    return {
      "thread.create": fc.oneof(
        fc.record({
          kind: fc.constant("group"),
          topic: opt(text),
          memberIds: opt(fc.array(user, { maxLength: 2 })),
        }),
        fc.record({ kind: fc.constant("direct"), userId: user }),
      ),
      "thread.get": thread,
      "thread.list": fc.record({ limit: opt(fc.integer({ min: 1, max: 100 })), topic: opt(text) }),
      "thread.updateTopic": fc.record({ threadId: fc.constant(f.threadId), topic: text }),
      "thread.delete": thread,
      "thread.export": thread,
      "member.list": thread,
      "member.add": fc.record({
        threadId: fc.constant(f.threadId),
        userIds: fc.constant([f.outsider.id]),
        shareHistoryTime: opt(
          fc.date({
            min: new Date("2000-01-01"),
            max: new Date("2100-01-01"),
            noInvalidDate: true,
          }),
        ),
      }),
      "member.remove": fc.record({ threadId: fc.constant(f.threadId), userId: user }),
      "member.leave": thread,
      "message.send": fc.record({
        threadId: fc.constant(f.threadId),
        content: text,
        type: opt(fc.constantFrom("text", "html")),
        priority: opt(fc.constantFrom("normal", "high")),
        clientMessageId: opt(fc.stringMatching(/^[\w.:-]{1,20}$/)),
        metadata: opt(
          fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), fc.string({ maxLength: 20 }), {
            maxKeys: 4,
          }),
        ),
      }),
      "message.get": message,
      "message.list": fc.record({
        threadId: fc.constant(f.threadId),
        limit: opt(fc.integer({ min: 1, max: 200 })),
        before: opt(fc.integer({ min: 1, max: 10 })),
        translateTo: opt(language),
      }),
      "message.edit": fc.record({
        messageId: fc.constant(f.messageId),
        content: text,
        metadata: opt(fc.constant({ k: "v" })),
      }),
      "message.delete": message,
      "receipt.markRead": fc.record({
        threadId: fc.constant(f.threadId),
        sequence: fc.integer({ min: 1, max: 5 }),
      }),
      "receipt.list": thread,
      "typing.notify": thread,
      "reaction.add": fc.record({ messageId: fc.constant(f.messageId), emoji }),
      "reaction.remove": fc.record({ messageId: fc.constant(f.messageId), emoji }),
      "reaction.list": message,
      "translation.translate": fc.record({
        messageId: fc.constant(f.messageId),
        to: opt(language),
      }),
      "translation.languages": fc.constant(undefined),
      "member.preferences": thread,
      "member.updatePreferences": fc.record({
        threadId: fc.constant(f.threadId),
        autoTranslate: fc.constantFrom(true, false, null),
      }),
      "user.updatePreferences": fc.record({
        language: opt(fc.oneof(language, fc.constant(null))),
        autoTranslate: opt(fc.boolean()),
      }),
      "account.signUp": fc.record({
        username: fc.stringMatching(/^[a-z0-9][a-z0-9_.-]{2,20}$/),
        name: text,
        password: fc.string({ minLength: 8, maxLength: 20 }),
      }),
      "user.me": fc.constant(undefined),
      "user.search": fc.record({
        query: opt(fc.string({ maxLength: 20 })),
        limit: opt(fc.integer({ min: 1, max: 50 })),
      }),
      "identity.createUser": fc.record({
        name: text,
        externalId: opt(fc.string({ minLength: 1, maxLength: 30 })),
      }),
      "identity.issueToken": fc.record({
        userId: user,
        expiresInMinutes: opt(fc.integer({ min: 60, max: 1440 })),
      }),
      "identity.revokeTokens": fc.record({ userId: user }),
    };
  }

  /** A valid input with hostile values swapped in, unknown keys added, or nothing valid at all. */
  function hostileInput(valid: fc.Arbitrary<unknown>, ids: string[]): fc.Arbitrary<unknown> {
    const value = hostileValue(ids);
    const swapped = fc
      .tuple(valid, fc.array(fc.tuple(fc.nat(), value), { minLength: 1, maxLength: 3 }))
      .map(([input, swaps]) => {
        const fields = Object.keys((input as object | undefined) ?? {});
        if (fields.length === 0) return swaps[0]![1];
        const copy: Record<string, unknown> = { ...(input as object) };
        for (const [at, bad] of swaps) copy[fields[at % fields.length]!] = bad;
        return copy;
      });
    const extraKeys = fc
      .tuple(valid, fc.dictionary(unknownKey, value, { minKeys: 1, maxKeys: 3 }))
      .map(([input, extra]) => ({ ...(input as object), ...extra }));
    return fc.oneof(
      { arbitrary: swapped, weight: 6 },
      { arbitrary: extraKeys, weight: 2 },
      { arbitrary: value, weight: 2 },
    );
  }

  type Sent = { request: Request; as: As };
  /** A URL cannot carry a lone surrogate: it goes as the JSON escape a client would send. */
  const urlEncode = (text: string) =>
    encodeURIComponent(text.replace(/\p{Cs}/gu, (unit) => `\\u${unit.charCodeAt(0).toString(16)}`));
  const base = (path: string) => http.url(path);
  const encode = (input: unknown) => JSON.stringify(superjsonWire(input));

  /** How an input goes on the wire: mostly right, sometimes batched, mis-sent or garbage. */
  function onTheWire(path: string, input: fc.Arbitrary<unknown>, as: As): fc.Arbitrary<Sent> {
    const get = (url: string) => new Request(url);
    const post = (url: string, body: string, type = "application/json") =>
      new Request(url, { method: "POST", headers: { "content-type": type }, body });
    const send = (method: "GET" | "POST", query: string, body: string) =>
      method === "GET" ? get(`${base(path)}?${query}`) : post(`${base(path)}`, body);
    const right = procedureType(path) === "query" ? "GET" : "POST";
    const wrong = right === "GET" ? "POST" : "GET";
    return fc
      .oneof(
        {
          weight: 10,
          arbitrary: input.map((i) => send(right, `input=${urlEncode(encode(i))}`, encode(i))),
        },
        {
          weight: 2,
          arbitrary: fc.array(input, { minLength: 1, maxLength: 3 }).map((inputs) => {
            const paths = inputs.map(() => path).join(",");
            const batch = JSON.stringify(
              Object.fromEntries(inputs.map((i, n) => [n, superjsonWire(i)])),
            );
            const url = `${base(paths)}?batch=1`;
            return right === "GET" ? get(`${url}&input=${urlEncode(batch)}`) : post(url, batch);
          }),
        },
        {
          weight: 1,
          arbitrary: input.map((i) => send(wrong, `input=${urlEncode(encode(i))}`, encode(i))),
        },
        {
          weight: 2,
          arbitrary: hostileString.map((garbage) =>
            right === "GET"
              ? get(`${base(path)}?input=${urlEncode(garbage)}`)
              : post(base(path), garbage),
          ),
        },
        { weight: 1, arbitrary: input.map((i) => post(base(path), encode(i), "text/plain")) },
        {
          weight: 1,
          arbitrary: fc
            .constantFrom("PUT", "DELETE", "PATCH")
            .map((method) => new Request(base(path), { method })),
        },
      )
      .chain((request) =>
        fc.oneof(
          { weight: 12, arbitrary: fc.constant({ request, as }) },
          {
            weight: 1,
            arbitrary: fc.stringMatching(/^[\x20-\x7e]{0,60}$/).map((authorization) => {
              request.headers.set("authorization", authorization);
              return { request, as: { authorization } };
            }),
          },
        ),
      );
  }

  /** No 5xx, and every refusal in the body (one per call of a batch) has a known code. */
  async function expectHandled(response: Response, sent: Sent) {
    const text = await response.text();
    const where = `${sent.request.method} ${sent.request.url.slice(0, 300)} -> ${response.status} ${text.slice(0, 500)}`;
    expect(response.status, where).toBeLessThan(500);
    if (response.status === 204 || text === "") return;
    const body = JSON.parse(text) as unknown;
    for (const answer of [body].flat() as {
      result?: unknown;
      error?: { json: { data: { spoolCode: string } } };
    }[]) {
      if (answer.result) continue;
      expect(knownCodes, where).toContain(answer.error?.json.data.spoolCode);
    }
  }

  it("has generators for every procedure of the router", async () => {
    expect(Object.keys(validInputs(await fixture())).sort()).toEqual([...procedurePaths].sort());
  });

  it.each(procedurePaths)(
    `%s answers ${runsPerProcedure} hostile requests with 4xx, never 5xx`,
    async (path) => {
      const f = await fixture();
      const as: As = path.startsWith("identity.") ? service : { session: f.owner.id };
      const ids = [f.threadId, f.messageId, f.owner.id, f.member.id, f.outsider.id];
      const valid = validInputs(f)[path]!;
      // A sign-up the schema takes costs a 128 MiB scrypt hash: the fuzzer sends those rarely
      // (account.test.ts covers them) and spends its runs on what the schema must refuse.
      const signUp = path === "account.signUp";
      const inputs = signUp
        ? hostileInput(valid, ids).filter((input) => !SignUpInput.safeParse(input).success)
        : hostileInput(valid, ids);
      const hostile = onTheWire(path, inputs, as);
      // One run in eight also sends a valid call first, so that the database has something to show.
      const mixedIn = fc.oneof(
        { weight: signUp ? 99 : 7, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: onTheWire(path, valid, as) },
      );
      let hostileSent = 0;
      await fc.assert(
        // Each request is sent as a clone: fast-check may hand the same generated value to more
        // than one run (while shrinking, say), and a body can be read only once.
        fc.asyncProperty(hostile, mixedIn, async (sent, validSent) => {
          if (validSent) {
            const response = await http.handle(validSent.request.clone(), validSent.as);
            await expectHandled(response, validSent);
          }
          hostileSent++;
          await expectHandled(await http.handle(sent.request.clone(), sent.as), sent);
        }),
        { numRuns: runsPerProcedure },
      );
      expect(hostileSent).toBeGreaterThanOrEqual(runsPerProcedure);
    },
    600_000,
  );

  it("stored no NUL, no lone surrogate and nothing over the limits", async () => {
    const odd = /[\0\uFFFD]|\p{Cs}/u;
    const messages = await api.db.message.findMany({ select: { content: true, metadata: true } });
    const threads = await api.db.thread.findMany({ select: { topic: true } });
    const users = await api.db.user.findMany({
      select: { name: true, username: true, externalId: true },
    });
    const stored = [
      ...messages.flatMap((m) => [m.content ?? "", JSON.stringify(m.metadata ?? null)]),
      ...threads.map((t) => t.topic ?? ""),
      ...users.flatMap((u) => [u.name, u.username ?? "", u.externalId ?? ""]),
    ];
    expect(messages.length).toBeGreaterThan(100);
    expect(stored.filter((value) => odd.test(value))).toEqual([]);
    expect(
      Math.max(...messages.map((m) => Buffer.byteLength(m.content ?? ""))),
    ).toBeLessThanOrEqual(28 * 1024);
  });
});
