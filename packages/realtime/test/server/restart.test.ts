import type Pusher from "pusher-js";
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
  // a client would next try at 45 s; with reconnectPromptly every client is back within
  // seconds of the server. The bound is generous for a loaded machine.
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

      const resubscribed = channels.map((channel) =>
        nextEvent(channel, "pusher:subscription_succeeded", () => true, 100_000),
      );
      await first.close();
      await new Promise((resolve) => setTimeout(resolve, 16_000));

      const second = await startProcess(first.port);
      const backAt = performance.now();
      await Promise.all(resubscribed);
      const secondsToBeBack = (performance.now() - backAt) / 1000;
      expect(secondsToBeBack).toBeLessThan(20);

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
