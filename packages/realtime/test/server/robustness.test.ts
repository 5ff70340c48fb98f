import { connect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { nextEvent, subscribed } from "./support/events";
import { APP, closeAll, connectClient, publisher, startServer } from "./support/harness";
import { RawSocket } from "./support/raw-socket";
import { signedRequest } from "./support/signed-request";

afterEach(closeAll);

const GARBAGE_FRAMES: unknown[] = [
  "not json",
  "",
  "null",
  "[]",
  '"pusher:ping"',
  "{}",
  { event: 42 },
  { event: "" },
  { event: "pusher:subscribe" },
  { event: "pusher:subscribe", data: "{not json" },
  { event: "pusher:subscribe", data: { channel: 123 } },
  { event: "pusher:subscribe", data: { channel: "private-x", auth: 5 } },
  { event: "pusher:subscribe", data: { channel: "private-x", auth: "no-colon" } },
  { event: "pusher:subscribe", data: { channel: "presence-x", auth: "a:b", channel_data: "{" } },
  { event: "pusher:unsubscribe", data: null },
  { event: "pusher:unsubscribe", data: { channel: "never-joined" } },
  { event: "pusher:signin", data: { auth: [], user_data: {} } },
  { event: "pusher:signin", data: { auth: `${APP.key}:00`, user_data: "{" } },
  { event: "pusher_internal:member_added", channel: "presence-x", data: {} },
  { event: "client-x" },
  { event: "client-x", channel: { not: "a string" }, data: {} },
  { event: "x".repeat(5000), channel: "private-x", data: {} },
  '{"event":"pusher:subscribe","data":{"channel":"__proto__","auth":""},"__proto__":{"a":1}}',
  "[".repeat(60_000),
];

describe("malformed input", () => {
  it("never takes the server down: garbage frames and garbage HTTP, then it still works", async () => {
    const server = await startServer();

    // WebSocket garbage: each frame is answered with an error or ignored, never a crash.
    const socket = await RawSocket.connect(server.port);
    for (const frame of GARBAGE_FRAMES) socket.send(frame);
    socket.ws.send(Buffer.from([0xde, 0xad, 0xbe, 0xef]), { binary: true });
    await socket.roundTrip();
    expect(socket.errors().length).toBeGreaterThanOrEqual(15);
    expect(socket.errors().every((error) => error.code >= 4000)).toBe(true);

    // Frames ws itself refuses: oversized, and text that is not UTF-8. Those sockets are closed.
    const oversized = await RawSocket.connect(server.port);
    oversized.send("x".repeat(1024 * 1024));
    expect((await oversized.closed).code).toBe(1009);
    const notUtf8 = await RawSocket.connect(server.port);
    notUtf8.ws.send(Buffer.from([0xc3, 0x28]), { binary: false });
    expect((await notUtf8.closed).code).toBe(1007);

    // A handshake cut halfway, and bytes that are not HTTP at all.
    await rawTcp(server.port, "GET /app/x?protocol=7 HTTP/1.1\r\nUpgrade: websocket\r\n");
    await rawTcp(server.port, "\x00\x01\x02 garbage \r\n\r\n");
    const half = new WebSocket(`ws://127.0.0.1:${server.port}/app/${APP.key}?protocol=7`);
    half.on("error", () => {});
    half.terminate();

    // HTTP garbage, signed so that it reaches the parsers.
    const bodies = ["{nope", "[]", "null", '"x"', "{}", '{"batch":"no"}', "\u0000".repeat(100)];
    for (const body of bodies) {
      expect((await signedRequest(server.port, "POST", "/apps/3/events", { body })).status).toBe(
        400,
      );
      const batch = await signedRequest(server.port, "POST", "/apps/3/batch_events", { body });
      expect(batch.status).toBe(400);
    }
    const huge = await fetch(`${server.url}/apps/3/events`, {
      method: "POST",
      body: "x".repeat(2e6),
    });
    expect(huge.status).toBe(413);
    expect((await fetch(`${server.url}/apps/3/channels/%E0%A4%A`)).status).toBe(400);
    expect((await fetch(`${server.url}/apps/3/events?auth_key=&auth_timestamp=x`)).status).toBe(
      405,
    );
    expect((await fetch(`${server.url}/apps/3/channels?auth_timestamp=x`)).status).toBe(401);

    // Still serving: a fresh pusher-js client gets what the SDK publishes.
    const client = connectClient(server.port);
    const channel = await subscribed(client, "news");
    const received = nextEvent(channel, "after");
    await publisher(server.port).trigger("news", "after", { ok: true });
    expect(await received).toEqual({ ok: true });
    expect(server.stats().connections).toBeGreaterThanOrEqual(2);
  });
});

/** Writes `bytes` on a bare TCP connection and waits until the server hangs up or answers. */
function rawTcp(port: number, bytes: string): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1", () => {
      socket.write(bytes);
      socket.end();
    });
    socket.on("error", () => resolve());
    socket.on("close", () => resolve());
    socket.resume();
  });
}
