import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  createCaller,
  PusherPublisher,
  RateLimits,
  TokenCache,
  Translator,
  type ServiceDeps,
} from "@spool/api";
import type { Database } from "@spool/db";
import { openTestDatabase, testDatabaseKinds } from "@spool/db/testing";
import Pusher from "pusher";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { publishAfterResponse } from "@/server/publish-after-response";

/** A Pusher HTTP API that holds every trigger until the test lets it answer. */
async function heldPusherApi(status = 200) {
  const held: ServerResponse[] = [];
  const answered: string[] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    request.resume();
    response.on("finish", () => answered.push(request.url ?? ""));
    held.push(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    pusher: new Pusher({
      appId: "1",
      key: "key",
      secret: "secret",
      host: "127.0.0.1",
      port: String(port),
      useTLS: false,
    }),
    held,
    answered,
    release() {
      for (const response of held.splice(0)) response.writeHead(status).end("{}");
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const silent = { error() {} };

describe.each(testDatabaseKinds)(
  "publishing after the response (%s)",
  { timeout: 60_000 },
  (kind) => {
    let database: Database;
    let api: Awaited<ReturnType<typeof heldPusherApi>>;
    beforeAll(async () => {
      database = await openTestDatabase(kind);
    });
    afterAll(async () => {
      await database?.close();
    });
    afterEach(async () => {
      api.release();
      await api.close();
    });

    /** The API wired as the web app wires it; keepAlive stands for Next's after() when given. */
    async function callerWith(keepAlive?: (task: Promise<void>) => void, status = 200) {
      api = await heldPusherApi(status);
      const publisher = new PusherPublisher(api.pusher, silent);
      const deps: ServiceDeps = {
        db: database.prisma,
        sql: database.sql,
        storage: database,
        changes: publishAfterResponse(publisher, keepAlive),
        limits: new RateLimits(),
        tokens: new TokenCache(),
        translator: new Translator({ provider: null, limits: new RateLimits() }),
      };
      const user = await database.prisma.user.create({
        data: { name: "Ada", username: `ada-${Math.random().toString(36).slice(2, 10)}` },
      });
      const caller = createCaller({
        deps,
        actor: { kind: "user", user: { userId: user.id, scopes: ["chat"] } },
      });
      return { caller, publisher };
    }

    it("hands after() the publish, which settles only once Pusher has answered the trigger", async () => {
      const kept: Promise<unknown>[] = [];
      const { caller, publisher } = await callerWith((task) => kept.push(task));

      // The action returns while its publish is still held at the Pusher API.
      const { thread } = await caller.thread.create({ kind: "group", topic: "Launch" });
      expect(thread.topic).toBe("Launch");
      expect(kept).toHaveLength(1);
      await expect.poll(() => api.held.length).toBeGreaterThan(0);

      let settled = false;
      void kept[0]!.then(() => (settled = true));
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(settled).toBe(false);
      expect(publisher.stats.published).toBe(0);

      api.release();
      await kept[0];
      expect(api.answered).toEqual([expect.stringMatching(/^\/apps\/1\/(batch_)?events/)]);
      expect(publisher.stats).toEqual({ published: 1, failed: 0 });
    });

    it("gives after() a publish that resolves, not rejects, when Pusher refuses it", async () => {
      const kept: Promise<unknown>[] = [];
      const { caller, publisher } = await callerWith((task) => kept.push(task), 500);

      await caller.thread.create({ kind: "group", topic: "Refused" });
      await expect.poll(() => api.held.length).toBeGreaterThan(0);
      api.release();

      await expect(kept[0]).resolves.toBeUndefined();
      expect(publisher.stats).toEqual({ published: 0, failed: 1 });
    });

    it("still publishes outside a request, where Next's own after() refuses to run", async () => {
      const { caller, publisher } = await callerWith((task) => {
        throw new Error(`outside a request scope: ${String(task)}`);
      });

      await caller.thread.create({ kind: "group", topic: "Start-up" });
      await expect.poll(() => api.held.length).toBeGreaterThan(0);
      api.release();

      await publisher.idle();
      expect(publisher.stats).toEqual({ published: 1, failed: 0 });
    });
  },
);
