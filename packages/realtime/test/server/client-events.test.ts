import type { PresenceChannel } from "pusher-js";
import { afterEach, describe, expect, it } from "vitest";
import { nextEvent, pusherError, record, roundTrip, subscribed } from "./support/events";
import { closeAll, connectClient, startServer } from "./support/harness";

afterEach(closeAll);

const alice = { user_id: "alice", user_info: { name: "Alice" } };
const bob = { user_id: "bob", user_info: { name: "Bob" } };

async function pair(channelName: string, options: { clientEventsPerSecond?: number } = {}) {
  const server = await startServer(options);
  const sender = connectClient(server.port, { presence: alice });
  const receiver = connectClient(server.port, { presence: bob });
  const senderChannel = await subscribed(sender, channelName);
  const receiverChannel = await subscribed(receiver, channelName);
  return { server, sender, receiver, senderChannel, receiverChannel };
}

describe("client events", () => {
  it("reach the others on a presence channel and are not echoed to the sender", async () => {
    const { sender, senderChannel, receiverChannel } = await pair("presence-thread-1");
    const echoed = record(senderChannel, "client-typing");

    const received = nextEvent(receiverChannel, "client-typing");
    senderChannel.trigger("client-typing", { typing: true });

    expect(await received).toEqual({ typing: true });
    await roundTrip(sender);
    expect(echoed).toEqual([]);
  });

  it("are refused on private channels, where nothing says who sent them", async () => {
    const { sender, receiver, senderChannel } = await pair("private-thread-1");
    const delivered = record<{ event: string }>(receiver.connection, "message");

    const refused = pusherError(sender, 4300);
    senderChannel.trigger("client-typing", { user: "alice", typing: true });

    expect((await refused).message).toBe(
      "Client events are only allowed on presence channels, where they carry the sender's user id",
    );
    await roundTrip(receiver);
    expect(delivered.map((m) => m.event)).toEqual(["pusher:pong"]);
    expect(sender.connection.state).toBe("connected");
  });

  it("carry the sender's user id on presence channels", async () => {
    const { senderChannel, receiverChannel } = await pair("presence-thread-1");

    const received = new Promise((resolve) =>
      receiverChannel.bind("client-typing", (data: unknown, metadata: unknown) =>
        resolve({ data, metadata }),
      ),
    );
    senderChannel.trigger("client-typing", { typing: true });

    expect(await received).toEqual({ data: { typing: true }, metadata: { user_id: "alice" } });
  });

  it("are refused on public channels, on channels not joined, and with reserved names", async () => {
    const server = await startServer();
    const sender = connectClient(server.port, { presence: alice });
    const receiver = connectClient(server.port, { presence: bob });
    const publicChannel = await subscribed(sender, "news");
    await subscribed(receiver, "news");
    const room = (await subscribed(receiver, "presence-thread-1")) as PresenceChannel;
    const delivered = record<{ event: string }>(receiver.connection, "message");
    const errors = record<{ data: { code: number } }>(sender.connection, "error");

    publicChannel.trigger("client-shout", {});
    sender.send_event("client-sneak", {}, "presence-thread-1");
    await subscribed(sender, "presence-thread-1");
    sender.send_event("pusher_internal:member_added", { user_id: "ghost" }, "presence-thread-1");
    sender.send_event("pusher:subscription_succeeded", {}, "presence-thread-1");
    await roundTrip(sender);
    await roundTrip(receiver);

    expect(errors.map((e) => e.data.code)).toEqual([4300, 4300, 4300, 4300]);
    expect(delivered.map((m) => m.event)).toEqual(["pusher_internal:member_added", "pusher:pong"]);
    expect(room.members.count).toBe(2);
  });

  it("over the data limit are refused, not relayed", async () => {
    const { sender, receiver, senderChannel } = await pair("presence-thread-1");
    const delivered = record<{ event: string }>(receiver.connection, "message");

    const refused = pusherError(sender, 4300);
    senderChannel.trigger("client-paste", { text: "x".repeat(10 * 1024) });

    expect((await refused).message).toMatch(/limit is 10240 bytes/);
    await roundTrip(receiver);
    expect(delivered.map((m) => m.event)).toEqual(["pusher:pong"]);
  });

  it("beyond the rate limit get pusher:error 4301 and the connection stays open", async () => {
    const { sender, senderChannel, receiverChannel } = await pair("presence-thread-1");
    const received = record<{ n: number }>(receiverChannel, "client-burst");

    const limited = pusherError(sender, 4301);
    for (let n = 0; n < 30; n += 1) senderChannel.trigger("client-burst", { n });
    await limited;
    // Leaving is processed after the burst, so once Bob hears of it he has every relayed event.
    const left = nextEvent(receiverChannel, "pusher:member_removed");
    sender.unsubscribe("presence-thread-1");
    await left;

    expect(received.length).toBeGreaterThanOrEqual(10);
    expect(received.length).toBeLessThan(30);
    expect(received.slice(0, 10).map((event) => event.n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(sender.connection.state).toBe("connected");
    await roundTrip(sender);
  });
});
