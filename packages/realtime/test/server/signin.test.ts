import { afterEach, describe, expect, it } from "vitest";
import { connected, nextEvent, pusherError, roundTrip } from "./support/events";
import { closeAll, connectClient, publisher, startServer } from "./support/harness";

afterEach(closeAll);

describe("user sign-in", () => {
  it("signs a user in, and the SDK's sendToUser reaches them", async () => {
    const server = await startServer();
    const client = connectClient(server.port, { user: { id: "alice", name: "Alice" } });
    await connected(client);

    const ready = nextEvent<{ event: string; channel?: string }>(
      client.connection,
      "message",
      (m) =>
        m.event === "pusher_internal:subscription_succeeded" &&
        m.channel === "#server-to-user-alice",
    );
    const signedIn = nextEvent<{ user_data: string }>(client, "pusher:signin_success");
    client.signin();
    expect(JSON.parse((await signedIn).user_data)).toEqual({ id: "alice", name: "Alice" });
    await ready;

    const notice = nextEvent(client.user, "notice");
    await publisher(server.port).sendToUser("alice", "notice", { text: "hi" });
    expect(await notice).toEqual({ text: "hi" });
  });

  it("refuses a bad signature, and another user's channel, without closing", async () => {
    const server = await startServer();
    const client = connectClient(server.port, { user: { id: "alice" }, secret: "wrong" });
    await connected(client);
    const messages: Array<{ event: string; channel?: string }> = [];
    client.connection.bind("message", (m: { event: string }) => messages.push(m));

    const refused = pusherError(client, 4009);
    client.signin();
    await refused;
    client.send_event("pusher:subscribe", { channel: "#server-to-user-alice", auth: "" });
    await roundTrip(client);

    expect(messages.map((m) => m.event)).toEqual([
      "pusher:error",
      "pusher:subscription_error",
      "pusher:pong",
    ]);
  });
});
