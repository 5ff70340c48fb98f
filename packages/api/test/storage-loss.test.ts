import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, type Database } from "@spool/db";
import Pusher from "pusher";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RecordingChangeSink } from "../src/changes/thread-change";
import { handleChannelAuth } from "../src/realtime/channel-auth-handler";
import { RateLimits } from "../src/rate-limits";
import { TokenCache } from "../src/services/identity/token-cache";
import { Translator } from "../src/translation/translator";
import { createCaller } from "../src/root";
import { refusal } from "./support/harness";

// Only the embedded database lives in a folder that can vanish under the running process.
describe("the embedded database's folder removed while the API runs", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "spool-storage-loss-"));
  let database: Database;
  const deps = () => ({
    db: database.prisma,
    sql: database.sql,
    storage: database,
    changes: new RecordingChangeSink(),
    limits: new RateLimits(),
    tokens: new TokenCache(),
    translator: new Translator({ provider: null, limits: new RateLimits() }),
  });
  const as = (userId: string) =>
    createCaller({ deps: deps(), actor: { kind: "user", user: { userId, scopes: ["chat"] } } });

  beforeAll(async () => {
    database = await openDatabase({ dataDir });
  });
  afterAll(async () => {
    await database?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("refuses every call with 503 DATABASE_UNAVAILABLE, saying why", async () => {
    const user = await database.prisma.user.create({ data: { name: "Heidi" } });
    const api = as(user.id);
    const { thread } = await api.thread.create({ kind: "group", topic: "Before" });
    await api.message.send({ threadId: thread.id, content: "kept" });

    rmSync(dataDir, { recursive: true, force: true });

    const refused = await refusal(api.message.send({ threadId: thread.id, content: "lost?" }));
    expect(refused).toMatchObject({
      code: "SERVICE_UNAVAILABLE",
      spoolCode: "DATABASE_UNAVAILABLE",
      message: expect.stringMatching(/was removed while Spool was running.*requests are refused/),
    });
    expect(
      await refusal(api.thread.updateTopic({ threadId: thread.id, topic: "After" })),
    ).toMatchObject({ spoolCode: "DATABASE_UNAVAILABLE" });

    expect(await refusal(api.message.list({ threadId: thread.id }))).toMatchObject({
      code: "SERVICE_UNAVAILABLE",
      spoolCode: "DATABASE_UNAVAILABLE",
    });

    const subscribe = await handleChannelAuth(
      new Request("http://spool.test/api/realtime/auth", {
        method: "POST",
        body: new URLSearchParams({ socket_id: "1.2", channel_name: `private-user-${user.id}` }),
      }),
      {
        deps: deps(),
        pusher: new Pusher({ appId: "1", key: "key", secret: "secret", host: "127.0.0.1" }),
        accessKey: undefined,
        sessionUserId: async () => user.id,
      },
    );
    expect(subscribe.status).toBe(503);
    expect(await subscribe.json()).toMatchObject({ error: { code: "DATABASE_UNAVAILABLE" } });
  });
});
