import { afterEach, describe, expect, it, vi } from "vitest";
import { connected, nextEvent, pusherError, subscribed } from "./support/events";
import { closeAll, connectClient, publisher, startServer } from "./support/harness";
import { RawSocket } from "./support/raw-socket";

afterEach(closeAll);

describe("server lifecycle", () => {
  // pusher-js reconnects the moment it gets 4200, finds the port closed, and by design waits
  // out its 15 s attempt timeout before the next try: this test takes that long.
  it(
    "closes with 4200 on shutdown; pusher-js reconnects and resubscribes when it is back",
    {
      timeout: 60_000,
    },
    async () => {
      const first = await startServer();
      const client = connectClient(first.port);
      const firstSocketId = await connected(client);
      const channel = await subscribed(client, "news");

      const goodbye = pusherError(client, 4200);
      await first.close();
      expect((await goodbye).message).toBe("Server is restarting; reconnect");

      const resubscribed = nextEvent(channel, "pusher:subscription_succeeded", () => true, 45_000);
      const second = await startServer({ port: first.port });
      await resubscribed;
      expect(client.connection.socket_id).not.toBe(firstSocketId);
      const received = nextEvent(channel, "headline");
      await publisher(second.port).trigger("news", "headline", { title: "Back" });
      expect(await received).toEqual({ title: "Back" });
    },
  );

  it("refuses connections over capacity with 4100, and admits the client once there is room", async () => {
    const server = await startServer({ maxConnections: 1 });
    const first = connectClient(server.port);
    await connected(first);

    const second = connectClient(server.port);
    expect((await pusherError(second, 4100)).message).toBe("Over capacity");
    expect(server.stats().connections).toBe(1);

    // pusher-js backs off and tries again by itself.
    first.disconnect();
    await connected(second);
  });

  it("pings a silent client and closes it (4201) when it does not answer", async () => {
    const server = await startServer({ activityTimeoutSeconds: 1, pongTimeoutSeconds: 1 });
    const silent = await RawSocket.connect(server.port);
    const answering = await RawSocket.connect(server.port);
    answering.ws.on("message", (data) => {
      if (String(data).includes('"pusher:ping"')) answering.send({ event: "pusher:pong" });
    });

    await silent.next((frame) => frame.event === "pusher:ping");
    await answering.next((frame) => frame.event === "pusher:ping");
    expect((await silent.closed).code).toBe(4201);

    expect(answering.ws.readyState).toBe(answering.ws.OPEN);
    await vi.waitFor(() => expect(server.stats().connections).toBe(1));
  });

  it("drops a subscriber that stops reading, and the others keep receiving", async () => {
    const server = await startServer();
    const reader = connectClient(server.port);
    const readerChannel = await subscribed(reader, "news");
    const stalled = await RawSocket.connect(server.port);
    stalled.send({ event: "pusher:subscribe", data: { channel: "news", auth: "" } });
    await stalled.next((frame) => frame.event === "pusher_internal:subscription_succeeded");
    stalled.ws.pause();

    const sdk = publisher(server.port);
    const batch = Array.from({ length: 10 }, () => ({
      channel: "news",
      name: "bulk",
      data: "x".repeat(10_000),
    }));
    // The kernel's socket buffers take several MiB before the server's own queue grows.
    for (let sent = 0; server.stats().connections > 1 && sent < 1000; sent += 1) {
      await sdk.triggerBatch(batch);
    }
    expect(server.stats().connections).toBe(1);

    const received = nextEvent(readerChannel, "after");
    await sdk.trigger("news", "after", { ok: true });
    expect(await received).toEqual({ ok: true });
  });

  it("rejects invalid options with a message naming them", async () => {
    await expect(startServer({ apps: [] })).rejects.toThrow(/apps/);
    await expect(startServer({ maxPayloadBytes: -1 })).rejects.toThrow(/maxPayloadBytes/);
  });
});
