import type { IncomingHttpHeaders, Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Database } from "@spool/db";
import { openTestDatabase } from "@spool/db/testing";
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import { createHTTPServer } from "@trpc/server/adapters/standalone";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  appRouter,
  createContext,
  RateLimits,
  RecordingChangeSink,
  TokenCache,
  Translator,
  type AppRouter,
} from "../src";

// The API over real HTTP, called the way another app calls Spool: its backend with the access
// key, its users with the tokens the backend issued them. The engine does not matter here, so
// PGlite only.
const ACCESS_KEY = "http-test-access-key-0123456789abcdef";

describe("the API over HTTP with @trpc/client", () => {
  let database: Database;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    database = await openTestDatabase("pglite");
    const deps = {
      db: database.prisma,
      sql: database.sql,
      storage: database,
      changes: new RecordingChangeSink(),
      limits: new RateLimits(),
      tokens: new TokenCache(),
      translator: new Translator({ provider: null, limits: new RateLimits() }),
    };
    server = createHTTPServer({
      router: appRouter,
      createContext: ({ req }) =>
        createContext({ deps, headers: toHeaders(req.headers), accessKey: ACCESS_KEY }),
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    if (server) {
      server.closeAllConnections(); // the client keeps connections alive
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    await database?.close();
  });

  const client = (authorization?: string) =>
    createTRPCClient<AppRouter>({
      links: [
        httpLink({
          url,
          transformer: superjson,
          headers: authorization ? { authorization } : {},
        }),
      ],
    });
  const backend = () => client(`AccessKey ${ACCESS_KEY}`);

  async function userWithToken(name: string) {
    const user = await backend().identity.createUser.mutate({ name, externalId: `app-${name}` });
    const { token } = await backend().identity.issueToken.mutate({ userId: user.id });
    return { ...user, token, api: client(`Bearer ${token}`) };
  }

  it("lets two users of another app talk in a group thread", async () => {
    const ada = await userWithToken("Ada");
    const grace = await userWithToken("Grace");

    const { thread } = await ada.api.thread.create.mutate({
      kind: "group",
      topic: "Launch",
      memberIds: [grace.id],
    });
    const sent = await ada.api.message.send.mutate({ threadId: thread.id, content: "Ready?" });
    const page = await grace.api.message.list.query({ threadId: thread.id });

    expect(sent).toMatchObject({ sequence: 1, senderId: ada.id, content: "Ready?" });
    expect(sent.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(page.items).toEqual([
      expect.objectContaining({ id: sent.id, sequence: 1, senderId: ada.id, content: "Ready?" }),
    ]);
    expect(page.items[0]!.createdAt).toEqual(sent.createdAt); // a Date again, through superjson
  });

  it("refuses with the HTTP status and Spool code a caller can branch on", async () => {
    const nobody = await refusal(client().thread.list.query({}));
    expect(nobody).toMatchObject({ httpStatus: 401, spoolCode: "UNAUTHENTICATED" });

    const linus = await userWithToken("Linus");
    await backend().identity.revokeTokens.mutate({ userId: linus.id });
    expect(await refusal(linus.api.thread.list.query({}))).toEqual({
      httpStatus: 401,
      spoolCode: "TOKEN_INVALID",
      message: "The token has been revoked.",
    });

    const margaret = await userWithToken("Margaret");
    const asUser = await refusal(margaret.api.identity.createUser.mutate({ name: "Intruder" }));
    expect(asUser).toMatchObject({ httpStatus: 403, spoolCode: "ACCESS_KEY_REQUIRED" });

    // Refusals by the HTTP layer itself carry tRPC's own code, never a misleading domain one.
    const unknown = await fetch(`${url}/thread.archive`, {
      headers: { authorization: `Bearer ${margaret.token}` },
    });
    expect(unknown.status).toBe(404);
    const body = (await unknown.json()) as { error: { json: { data: { spoolCode: string } } } };
    expect(body.error.json.data.spoolCode).toBe("NOT_FOUND");
  });
});

/** Node's headers as the Fetch API's, as the web app receives them. */
function toHeaders(incoming: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    for (const one of [value ?? []].flat()) headers.append(name, one);
  }
  return headers;
}

async function refusal(call: Promise<unknown>) {
  const error: unknown = await call.then(
    () => new Error("expected the call to be refused"),
    (refused: unknown) => refused,
  );
  if (!(error instanceof TRPCClientError)) throw error;
  const { data, message } = error as TRPCClientError<AppRouter>;
  return { httpStatus: data?.httpStatus, spoolCode: data?.spoolCode, message };
}
