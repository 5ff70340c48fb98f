import type { PresenceChannel } from "pusher-js";
import { afterEach, describe, expect, it, vi } from "vitest";
import { nextEvent, record, roundTrip, subscribed } from "./support/events";
import { closeAll, connectClient, publisher, startServer } from "./support/harness";

afterEach(closeAll);

const ROOM = "presence-thread-1";
const alice = { user_id: "alice", user_info: { name: "Alice" } };
const bob = { user_id: "bob", user_info: { name: "Bob" } };

interface Member {
  id: string;
  info: unknown;
}

async function join(port: number, presence: typeof alice) {
  const client = connectClient(port, { presence });
  const channel = (await subscribed(client, ROOM)) as PresenceChannel;
  return { client, channel };
}

function memberIds(channel: PresenceChannel): string[] {
  const ids: string[] = [];
  channel.members.each((member: Member) => ids.push(member.id));
  return ids.sort();
}

describe("presence channels", () => {
  it("count a user with two connections once, announcing only their first and last", async () => {
    const server = await startServer();
    const bobs = await join(server.port, bob);
    const added = record<Member>(bobs.channel, "pusher:member_added");
    const removed = record<Member>(bobs.channel, "pusher:member_removed");

    const firstTab = { client: connectClient(server.port, { presence: alice }) };
    const firstTabFrames = record<{ event: string }>(firstTab.client.connection, "message");
    const arrival = nextEvent(bobs.channel, "pusher:member_added");
    await subscribed(firstTab.client, ROOM);
    await arrival;
    const secondTab = await join(server.port, alice);
    await roundTrip(bobs.client);
    await roundTrip(firstTab.client);

    expect(added).toEqual([{ id: "alice", info: { name: "Alice" } }]);
    // Neither her own arrival nor her second tab's is news to Alice.
    expect(firstTabFrames.filter((f) => f.event.includes("member_added"))).toEqual([]);
    expect(memberIds(bobs.channel)).toEqual(["alice", "bob"]);
    expect(secondTab.channel.members.count).toBe(2);
    expect(secondTab.channel.members.me).toEqual({ id: "alice", info: { name: "Alice" } });
    const users = await publisher(server.port).get({ path: `/channels/${ROOM}/users` });
    expect(await users.json()).toEqual({ users: [{ id: "bob" }, { id: "alice" }] });

    firstTab.client.disconnect();
    await vi.waitFor(() => expect(server.stats().connections).toBe(2));
    await roundTrip(bobs.client);
    expect(removed).toEqual([]);
    expect(bobs.channel.members.count).toBe(2);

    secondTab.client.disconnect();
    expect(await nextEvent(bobs.channel, "pusher:member_removed")).toEqual({
      id: "alice",
      info: { name: "Alice" },
    });
    expect(memberIds(bobs.channel)).toEqual(["bob"]);
  });

  it("announce a member who unsubscribes, and forget the channel when the last one leaves", async () => {
    const server = await startServer();
    const bobs = await join(server.port, bob);
    const alices = await join(server.port, alice);

    const gone = nextEvent<Member>(bobs.channel, "pusher:member_removed");
    alices.client.unsubscribe(ROOM);
    expect((await gone).id).toBe("alice");

    bobs.client.unsubscribe(ROOM);
    await roundTrip(bobs.client);
    expect(server.stats().channels).toBe(0);
  });

  it("refuse a subscription without channel_data, or whose channel_data was altered", async () => {
    const server = await startServer();
    const client = connectClient(server.port, { presence: alice });
    await nextEvent(client.connection, "connected");
    const socketId = client.connection.socket_id;
    const { auth } = publisher(server.port).authorizeChannel(socketId, ROOM, alice);
    const tampered = JSON.stringify({ ...alice, user_id: "mallory" });
    const messages = record<{ event: string; data: { status: number } }>(
      client.connection,
      "message",
    );

    client.send_event("pusher:subscribe", { channel: ROOM, auth });
    client.send_event("pusher:subscribe", { channel: ROOM, auth, channel_data: tampered });
    await roundTrip(client);

    const refused = messages.filter((m) => m.event === "pusher:subscription_error");
    expect(refused.map((m) => m.data.status)).toEqual([401, 401]);
    expect(server.stats().channels).toBe(0);
  });
});
