import type { Channel, default as Pusher } from "pusher-js";
import { afterEach, describe, expect, it } from "vitest";
import { reconnectPromptly } from "../../src/client";
import { type RealtimeServerProcess, startRealtimeServerProcess } from "../../src/server";
import { connected, nextEvent, subscribed } from "./support/events";
import { APP, closeAll, connectClient, onCleanup, publisher } from "./support/harness";

afterEach(closeAll);

const SUBSCRIBERS = 200;
const THREADS = 20;

async function startProcess(port = 0): Promise<RealtimeServerProcess> {
  const server = await startRealtimeServerProcess({ port, apps: [APP] });
  onCleanup(() => server.close());
  return server;
}

describe("after a server restart", () => {
  // The server stays away longer than pusher-js's own 15 s attempt timer, so that on its own
  // a client would next try 45 s after the drop; with reconnectPromptly every client is back
  // within seconds of the server (about 4 s on a quiet machine). One client left to pusher-js
  // alone is the yardstick: all 200 must be back before it, however loaded the machine.
  it(
    "200 pusher-js subscribers are back and receive events within seconds of the server",
    { timeout: 120_000 },
    async () => {
      const first = await startProcess();
      const clients: Pusher[] = [];
      for (let n = 0; n < SUBSCRIBERS; n += 1) {
        const client = connectClient(first.port);
        onCleanup(reconnectPromptly(client));
        clients.push(client);
      }
      const channels = await Promise.all(
        clients.map((client, n) => subscribed(client, `private-thread-${n % THREADS}`)),
      );

      const unaided = connectClient(first.port);
      const unaidedChannel = await subscribed(unaided, "private-thread-unaided");

      const backAgain = (channel: Channel) =>
        nextEvent(channel, "pusher:subscription_succeeded", () => true, 100_000);
      const resubscribed = Promise.all(channels.map(backAgain)).then(() => "prompt");
      const unaidedBack = backAgain(unaidedChannel).then(() => "unaided");
      await first.close();
      await new Promise((resolve) => setTimeout(resolve, 16_000));

      const second = await startProcess(first.port);
      expect(await Promise.race([resubscribed, unaidedBack])).toBe("prompt");

      const received = channels.map((channel) => nextEvent(channel, "message.created"));
      const sdk = publisher(second.port);
      for (let thread = 0; thread < THREADS; thread += 1) {
        await sdk.trigger(`private-thread-${thread}`, "message.created", { sequence: 2 });
      }
      expect(await Promise.all(received)).toEqual(clients.map(() => ({ sequence: 2 })));
      await Promise.all(clients.map(connected));
    },
  );
});
