import { afterEach, describe, expect, it } from "vitest";
import { connected, nextEvent, subscribed } from "./support/events";
import { closeAll, connectClient, publisher, startServer } from "./support/harness";
import { RawSocket } from "./support/raw-socket";

afterEach(closeAll);

interface SubscriptionError {
  type: string;
  error: string;
  status: number;
}

describe("private channels", () => {
  it("admit a subscription signed by the auth endpoint and deliver its events", async () => {
    const server = await startServer();
    const client = connectClient(server.port);
    const channel = await subscribed(client, "private-thread-1");

    const received = nextEvent(channel, "message.created");
    await publisher(server.port).trigger("private-thread-1", "message.created", { sequence: 7 });

    expect(await received).toEqual({ sequence: 7 });
  });

  it("refuse a bad signature with subscription_error 401 and keep the socket open", async () => {
    const server = await startServer();
    const forger = connectClient(server.port, { secret: "not-the-app-secret" });
    const socketId = await connected(forger);

    const refused = forger.subscribe("private-thread-1");
    const error = await nextEvent<SubscriptionError>(refused, "pusher:subscription_error");

    expect(error).toEqual({
      type: "AuthError",
      error: "Invalid signature for private-thread-1",
      status: 401,
    });
    // Same connection, still usable.
    await subscribed(forger, "news");
    expect(forger.connection.socket_id).toBe(socketId);
    expect(server.stats()).toEqual({ connections: 1, channels: 1 });
  });

  it("refuse a signature made for another socket or another channel", async () => {
    const server = await startServer();
    const socket = await RawSocket.connect(server.port);
    const signer = publisher(server.port);
    const attempts = [
      { channel: "private-a", auth: signer.authorizeChannel("1.1", "private-a").auth },
      { channel: "private-a", auth: signer.authorizeChannel("1.1", "private-b").auth },
      { channel: "private-a" },
    ];

    for (const data of attempts) socket.send({ event: "pusher:subscribe", data });
    await socket.roundTrip();

    const errors = socket.frames.filter((f) => f.event === "pusher:subscription_error");
    expect(errors).toHaveLength(3);
    expect(socket.frames.some((f) => f.event === "pusher_internal:subscription_succeeded")).toBe(
      false,
    );
  });

  it("refuse invalid channel names and encrypted channels without closing", async () => {
    const server = await startServer();
    const socket = await RawSocket.connect(server.port);

    for (const channel of ["has space", "x".repeat(201), "private-encrypted-1", ""]) {
      socket.send({ event: "pusher:subscribe", data: { channel, auth: "" } });
    }
    await socket.roundTrip();

    const statuses = socket.frames
      .filter((f) => f.event === "pusher:subscription_error")
      .map((f) => (JSON.parse(f.data as string) as SubscriptionError).status);
    expect(statuses).toEqual([400, 400, 400, 400]);
  });
});
