import { afterEach, describe, expect, it } from "vitest";
import { connected, nextEvent, pusherError, roundTrip, subscribed } from "./support/events";
import { APP, closeAll, connectClient, publisher, startServer } from "./support/harness";
import { RawSocket } from "./support/raw-socket";

afterEach(closeAll);

describe("connecting with pusher-js", () => {
  it("gets a socket id and receives events published with the pusher SDK on a public channel", async () => {
    const server = await startServer();
    const client = connectClient(server.port);

    expect(await connected(client)).toMatch(/^\d+\.\d+$/);
    const channel = await subscribed(client, "news");
    const received = nextEvent(channel, "headline");
    await publisher(server.port).trigger("news", "headline", { title: "Hello" });

    expect(await received).toEqual({ title: "Hello" });
  });

  it("stops delivering after unsubscribe, and drops the empty channel", async () => {
    const server = await startServer();
    const client = connectClient(server.port);
    const channel = await subscribed(client, "news");
    const received: unknown[] = [];
    channel.bind("headline", (data: unknown) => received.push(data));
    expect(server.stats()).toEqual({ connections: 1, channels: 1 });

    client.unsubscribe("news");
    await roundTrip(client);
    await publisher(server.port).trigger("news", "headline", { title: "Too late" });
    await roundTrip(client);

    expect(received).toEqual([]);
    expect(server.stats()).toEqual({ connections: 1, channels: 0 });
  });

  it("is refused for good (4001) with an unknown app key", async () => {
    const server = await startServer();
    const client = connectClient(server.port, { key: "not-an-app" });

    const refused = await pusherError(client, 4001);

    expect(refused.message).toBe("Unknown app key");
    expect(client.connection.state).toBe("disconnected");
  });
});

describe("the WebSocket handshake", () => {
  it("announces the socket id and the activity timeout", async () => {
    const server = await startServer({ activityTimeoutSeconds: 45 });
    const socket = RawSocket.open(server.port);

    const established = await socket.next((f) => f.event === "pusher:connection_established");

    expect(typeof established.data).toBe("string");
    expect(JSON.parse(established.data as string)).toEqual({
      socket_id: expect.stringMatching(/^\d+\.\d+$/),
      activity_timeout: 45,
    });
  });

  it.each([
    ["a path other than /app/{key}", `/apps/${APP.key}?protocol=7`, 4005],
    ["an unknown key", "/app/nobody?protocol=7", 4001],
    ["no protocol version", `/app/${APP.key}`, 4008],
    ["a protocol version that is not a number", `/app/${APP.key}?protocol=seven`, 4006],
    ["an older protocol version", `/app/${APP.key}?protocol=6`, 4007],
  ])("closes a socket with %s (%s) with code %i", async (_case, path, code) => {
    const server = await startServer();
    const socket = RawSocket.open(server.port, path);

    expect((await socket.closed).code).toBe(code);
    expect(socket.frames).toEqual([]);
  });

  it("relays published data byte for byte, as a string inside the frame", async () => {
    const server = await startServer();
    const socket = await RawSocket.connect(server.port);
    socket.send({ event: "pusher:subscribe", data: { channel: "news", auth: "" } });
    await socket.next((f) => f.event === "pusher_internal:subscription_succeeded");
    const data = '{"b":1,  "a":"\\u00e9 ✓"}';

    await publisher(server.port).trigger("news", "raw", data);

    expect(await socket.next((f) => f.event === "raw")).toEqual({
      event: "raw",
      channel: "news",
      data,
    });
  });

  it("ignores query parameters it does not know", async () => {
    const server = await startServer();
    const socket = RawSocket.open(server.port, `/app/${APP.key}?flash=false&protocol=7&x=1`);

    await socket.next((f) => f.event === "pusher:connection_established");
  });
});
