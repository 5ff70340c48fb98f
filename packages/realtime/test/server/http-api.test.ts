import PusherServer from "pusher";
import { afterEach, describe, expect, it } from "vitest";
import { connected, nextEvent, record, roundTrip, subscribed } from "./support/events";
import { APP, closeAll, connectClient, publisher, startServer } from "./support/harness";
import { signedRequest } from "./support/signed-request";

afterEach(closeAll);

/** The status and body of a refused SDK call. */
async function refusal(call: Promise<unknown>): Promise<{ status?: number; body?: string }> {
  const error = await call.then(
    () => expect.fail("the call was not refused"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PusherServer.RequestError);
  const { status, body } = error as PusherServer.RequestError;
  return { status, body };
}

describe("publishing with the pusher SDK", () => {
  it("leaves out the connection named by socket_id", async () => {
    const server = await startServer();
    const sender = connectClient(server.port);
    const other = connectClient(server.port);
    const senderChannel = await subscribed(sender, "private-thread-1");
    const otherChannel = await subscribed(other, "private-thread-1");
    const echoed = record(senderChannel, "message.created");

    const received = nextEvent(otherChannel, "message.created");
    const response = await publisher(server.port).trigger(
      "private-thread-1",
      "message.created",
      { sequence: 1 },
      { socket_id: await connected(sender) },
    );

    expect(await response.json()).toEqual({});
    expect(await received).toEqual({ sequence: 1 });
    await roundTrip(sender);
    expect(echoed).toEqual([]);
  });

  it("sends to several channels, and batches", async () => {
    const server = await startServer();
    const client = connectClient(server.port);
    const one = await subscribed(client, "private-thread-1");
    const two = await subscribed(client, "private-user-2");
    const sdk = publisher(server.port);

    const both = Promise.all([nextEvent(one, "a"), nextEvent(two, "a")]);
    await sdk.trigger(["private-thread-1", "private-user-2", "nobody-here"], "a", { n: 1 });
    expect(await both).toEqual([{ n: 1 }, { n: 1 }]);

    const batched = Promise.all([nextEvent(one, "b"), nextEvent(two, "c")]);
    await sdk.triggerBatch([
      { channel: "private-thread-1", name: "b", data: { n: 2 } },
      { channel: "private-user-2", name: "c", data: { n: 3 } },
    ]);
    expect(await batched).toEqual([{ n: 2 }, { n: 3 }]);

    const eleven = Array.from({ length: 11 }, () => ({ channel: "news", name: "x", data: {} }));
    expect((await refusal(sdk.triggerBatch(eleven))).status).toBe(400);
  });

  it("accepts data of 10 KB and refuses more with 413", async () => {
    const server = await startServer();
    const sdk = publisher(server.port);

    await sdk.trigger("news", "big", "x".repeat(10 * 1024));
    const tooBig = await refusal(sdk.trigger("news", "big", "x".repeat(10 * 1024 + 1)));

    expect(tooBig).toEqual({
      status: 413,
      body: "Event data is 10241 bytes; the limit is 10240 bytes",
    });
  });

  it("answers counts when asked with info", async () => {
    const server = await startServer();
    const client = connectClient(server.port, { presence: { user_id: "alice" } });
    await subscribed(client, "presence-thread-1");

    const response = await publisher(server.port).trigger(
      "presence-thread-1",
      "x",
      {},
      {
        info: "subscription_count,user_count",
      },
    );

    expect(await response.json()).toEqual({
      channels: { "presence-thread-1": { subscription_count: 1, user_count: 1 } },
    });
  });
});

describe("reading channels with the pusher SDK", () => {
  it("describes channels, lists them by prefix and lists presence users", async () => {
    const server = await startServer();
    const alice = connectClient(server.port, { presence: { user_id: "alice" } });
    const aliceAgain = connectClient(server.port, { presence: { user_id: "alice" } });
    await subscribed(alice, "presence-thread-1");
    await subscribed(aliceAgain, "presence-thread-1");
    await subscribed(alice, "private-thread-1");
    const sdk = publisher(server.port);
    const get = async (path: string, params?: object) => (await sdk.get({ path, params })).json();

    expect(await get("/channels/presence-thread-1")).toEqual({
      occupied: true,
      subscription_count: 2,
      user_count: 1,
    });
    expect(await get("/channels/private-thread-1")).toEqual({
      occupied: true,
      subscription_count: 1,
    });
    expect(await get("/channels/private-empty")).toEqual({
      occupied: false,
      subscription_count: 0,
    });
    expect(await get("/channels")).toEqual({
      channels: { "presence-thread-1": {}, "private-thread-1": {} },
    });
    expect(await get("/channels", { filter_by_prefix: "presence-", info: "user_count" })).toEqual({
      channels: { "presence-thread-1": { user_count: 1 } },
    });
    expect(await get("/channels/presence-thread-1/users")).toEqual({ users: [{ id: "alice" }] });

    expect((await refusal(sdk.get({ path: "/channels/private-thread-1/users" }))).status).toBe(400);
    const userCountEverywhere = sdk.get({ path: "/channels", params: { info: "user_count" } });
    expect((await refusal(userCountEverywhere)).status).toBe(400);
  });
});

describe("request authentication", () => {
  it("refuses a request signed with another secret", async () => {
    const server = await startServer();
    const forged = publisher(server.port, { ...APP, secret: "not-the-app-secret" });

    const { status, body } = await refusal(forged.trigger("news", "x", {}));

    expect(status).toBe(401);
    expect(body).toMatch(/^Invalid signature/);
  });

  it("refuses a correctly signed request that is 700 s old", async () => {
    const server = await startServer();
    const body = JSON.stringify({ name: "x", channel: "news", data: "{}" });
    const now = Math.floor(Date.now() / 1000);

    const stale = await signedRequest(server.port, "POST", "/apps/3/events", {
      body,
      timestamp: now - 700,
    });
    const fresh = await signedRequest(server.port, "POST", "/apps/3/events", {
      body,
      timestamp: now - 500,
    });

    expect(stale.status).toBe(401);
    expect(stale.text).toMatch(/auth_timestamp is 70\d s away/);
    expect(fresh).toEqual({ status: 200, text: "{}" });
  });

  it("refuses a body other than the one signed, and a path other than the one signed", async () => {
    const server = await startServer();
    const body = JSON.stringify({ name: "x", channel: "news", data: "{}" });

    const swapped = await signedRequest(server.port, "POST", "/apps/3/events", {
      body: body.replace("news", "other"),
      signedBody: body,
    });
    const moved = await signedRequest(server.port, "GET", "/apps/3/channels/news", {
      signedPath: "/apps/3/channels",
    });

    expect(swapped).toEqual({ status: 401, text: "body_md5 does not match the body" });
    expect(moved.status).toBe(401);
  });

  it("answers 404 for another app id and for unknown paths", async () => {
    const server = await startServer();
    const otherApp = publisher(server.port, { ...APP, id: "4" });

    expect(await refusal(otherApp.trigger("news", "x", {}))).toEqual({
      status: 404,
      body: "Unknown app 4",
    });
    expect((await fetch(`${server.url}/apps/3/nothing`)).status).toBe(404);
  });
});

describe("request validation", () => {
  const post = (port: number, body: string) =>
    signedRequest(port, "POST", "/apps/3/events", { body });
  const event = (fields: object) => JSON.stringify({ name: "x", data: "{}", ...fields });

  it.each([
    ["a body that is not JSON", "{nope"],
    ["data that is not a string", event({ channel: "news", data: { a: 1 } })],
    ["neither channel nor channels", event({})],
    ["more than 100 channels", event({ channels: Array.from({ length: 101 }, (_, i) => `c${i}`) })],
    ["a channel name of 201 characters", event({ channel: "c".repeat(201) })],
    ["a channel name with a space", event({ channel: "a b" })],
    ["an event name of 201 characters", event({ channel: "news", name: "e".repeat(201) })],
    ["a malformed socket_id", event({ channel: "news", socket_id: "abc" })],
  ])("refuses %s with 400", async (_case, body) => {
    const server = await startServer();
    expect((await post(server.port, body)).status).toBe(400);
  });

  it("accepts 100 channels and names of 200 characters", async () => {
    const server = await startServer();
    const channels = Array.from({ length: 100 }, (_, i) => `${"c".repeat(190)}-${i}`);
    const body = event({ channels, name: "e".repeat(200) });
    expect(await post(server.port, body)).toEqual({ status: 200, text: "{}" });
  });

  it("answers health probes at the root", async () => {
    const server = await startServer();
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("OK");
  });
});
