import { randomUUID } from "node:crypto";
import type { Database, TokenScope } from "@spool/db";
import type { Actor } from "../../src/actor";
import { openTestDatabase, type TestDatabaseKind } from "@spool/db/testing";
import { getErrorShape, TRPCError } from "@trpc/server";
import { afterAll, beforeAll } from "vitest";
import { RecordingChangeSink, type ChangeSink } from "../../src/changes/thread-change";
import type { ServiceDeps } from "../../src/deps";
import { RateLimits, type RatePolicies } from "../../src/rate-limits";
import { TokenCache } from "../../src/services/identity/token-cache";
import { appRouter, createCaller } from "../../src/root";
import type { TranslationProvider } from "../../src/translation/provider";
import { Translator } from "../../src/translation/translator";
import { fakeProvider } from "./fake-provider";

export type Caller = ReturnType<typeof createCaller>;

/** `users(3)` gives exactly three users, so destructuring needs no checks. */
type Tuple<T, N extends number, Built extends T[] = []> = Built["length"] extends N
  ? Built
  : Tuple<T, N, [T, ...Built]>;

export interface TestUser {
  id: string;
  name: string;
  /** The API as this user, signed in. */
  api: Caller;
}

/**
 * A migrated database of its own for one test file, with the API wired as the web app wires
 * it. Every test makes its own users, so tests never see each other's threads or limits.
 */
export function useApi(
  kind: TestDatabaseKind,
  options: {
    ratePolicies?: RatePolicies;
    /** Default: an in-process stand-in (`fakeProvider`); null turns translation off. */
    translationProvider?: TranslationProvider | null;
  } = {},
) {
  let database: Database;
  let statements: string[] | null = null;
  const changes = new RecordingChangeSink();
  let sink: ChangeSink = changes;
  const harness = {
    changes,
    get deps(): ServiceDeps {
      return {
        db: database.prisma,
        sql: database.sql,
        storage: database,
        changes: sink,
        limits,
        tokens,
        translator,
      };
    },
    /** Sends changes somewhere else than the recording, e.g. to a real Pusher publisher. */
    publishTo(other: ChangeSink) {
      sink = other;
    },
    get db() {
      return database.prisma;
    },
    caller(actor: Actor): Caller {
      return createCaller({ deps: harness.deps, actor });
    },
    as(userId: string, scopes: TokenScope[] = ["chat"], socketId?: string): Caller {
      return harness.caller({ kind: "user", user: { userId, scopes, socketId } });
    },
    async user(name = "User"): Promise<TestUser> {
      const user = await database.prisma.user.create({
        data: { name, username: `${name.toLowerCase()}-${randomUUID().slice(0, 8)}` },
      });
      return { id: user.id, name, api: harness.as(user.id) };
    },
    async users<N extends number>(count: N, prefix = "User"): Promise<Tuple<TestUser, N>> {
      const made = [];
      for (let index = 0; index < count; index++) {
        made.push(await harness.user(`${prefix}${index}`));
      }
      return made as Tuple<TestUser, N>;
    },
    /** The SQL statements sent to the database while `action` ran, BEGIN and COMMIT included. */
    async statementsOf(action: () => Promise<unknown>): Promise<string[]> {
      const sent: string[] = [];
      statements = sent;
      try {
        await action();
      } finally {
        statements = null;
      }
      return sent;
    },
    /** The changes announced since the call, for asserting what realtime would publish. */
    changesSince(mark: number) {
      return changes.changes.slice(mark);
    },
  };
  const limits = new RateLimits({ policies: options.ratePolicies });
  const tokens = new TokenCache();
  const translator = new Translator({
    provider:
      options.translationProvider === undefined
        ? fakeProvider().provider
        : options.translationProvider,
    limits,
  });

  beforeAll(async () => {
    database = await openTestDatabase(kind, { observeStatements: (sql) => statements?.push(sql) });
  });
  afterAll(async () => {
    await database?.close();
  });
  return harness;
}

/**
 * The refusal a call ends in, shaped by the router's error formatter exactly as an HTTP client
 * receives it.
 */
export async function refusal(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const shape = getErrorShape({
      config: appRouter._def._config,
      error,
      type: "unknown",
      path: undefined,
      input: undefined,
      ctx: undefined,
    });
    return {
      code: error.code,
      spoolCode: shape.data.spoolCode,
      message: shape.message,
      data: shape.data,
    };
  }
  throw new Error("expected the call to be refused");
}
