import { connect, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { closeAll, onCleanup, startServer } from "./support/harness";
import { RawSocket } from "./support/raw-socket";

afterEach(closeAll);

/** A TCP socket to the server, and a promise that settles when the server cuts it. */
async function tcp(port: number): Promise<{ socket: Socket; cut: Promise<void> }> {
  const socket = connect(port, "127.0.0.1");
  onCleanup(() => socket.destroy());
  const cut = new Promise<void>((resolve) => socket.once("close", () => resolve()));
  socket.on("error", () => {});
  await new Promise((resolve) => socket.once("connect", resolve));
  return { socket, cut };
}

describe("per-connection limits", () => {
  it("refuses a subscription beyond the cap with subscription_error 400, and frees the slot on unsubscribe", async () => {
    const server = await startServer({ maxSubscriptionsPerConnection: 3 });
    const socket = await RawSocket.connect(server.port);
    for (const channel of ["a", "b", "c", "d"]) {
      socket.send({ event: "pusher:subscribe", data: { channel, auth: "" } });
    }
    await socket.roundTrip();

    const refused = socket.frames.filter((f) => f.event === "pusher:subscription_error");
    expect(refused).toEqual([
      {
        event: "pusher:subscription_error",
        channel: "d",
        data: JSON.stringify({
          type: "LimitReached",
          error: "A connection may subscribe to at most 3 channels: unsubscribe first",
          status: 400,
        }),
      },
    ]);
    expect(server.stats().channels).toBe(3);

    socket.send({ event: "pusher:unsubscribe", data: { channel: "a" } });
    socket.send({ event: "pusher:subscribe", data: { channel: "d", auth: "" } });
    await socket.next(
      (f) => f.event === "pusher_internal:subscription_succeeded" && f.channel === "d",
    );
    expect(server.stats().channels).toBe(3);
  });

  it("keeps the default cap of 100 channels per connection and releases them all on close", async () => {
    const server = await startServer();
    const socket = await RawSocket.connect(server.port);
    for (let n = 0; n < 150; n += 1) {
      socket.send({ event: "pusher:subscribe", data: { channel: `c-${n}`, auth: "" } });
    }
    await socket.roundTrip();
    const errors = socket.frames.filter((f) => f.event === "pusher:subscription_error");
    expect(errors).toHaveLength(50);
    expect(server.stats().channels).toBe(100);

    socket.ws.close();
    await socket.closed;
    await expect.poll(() => server.stats()).toEqual({ connections: 0, channels: 0 });
  });
});

describe("handshake timeout", () => {
  // With Node's defaults such sockets would stay open for a minute or more.
  it("cuts a socket that trickles its upgrade request byte by byte", async () => {
    const server = await startServer({ handshakeTimeoutSeconds: 1 });
    const { socket, cut } = await tcp(server.port);
    const request = `GET /app/key?protocol=7 HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n`;
    let sent = 0;
    const trickle = setInterval(() => {
      if (sent < request.length) socket.write(request[sent++]!);
    }, 50);
    onCleanup(() => clearInterval(trickle));
    await cut;
    expect(sent).toBeLessThan(request.length);
  });

  it("cuts a socket that connects and sends nothing", async () => {
    const server = await startServer({ handshakeTimeoutSeconds: 1 });
    const { cut } = await tcp(server.port);
    await cut;
  });

  it("leaves an established WebSocket open beyond the handshake timeout", async () => {
    // Long enough for the WebSocket's own handshake on a busy machine.
    const server = await startServer({ handshakeTimeoutSeconds: 3 });
    const socket = await RawSocket.connect(server.port);
    // Well past the timeout: a slow machine can only make the server's timers fire later.
    await new Promise((resolve) => setTimeout(resolve, 4500));
    await socket.roundTrip();
    expect(socket.ws.readyState).toBe(socket.ws.OPEN);
  });
});
