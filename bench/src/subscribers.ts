// The clients that listen: the real pusher-js (its Node build) for Spool and Soketi, and raw
// `ws` sockets for the floors. Each calls `onData` with an event's data as it arrives.
import { realtimeConfigPath, realtimeDiscoverySchema } from "@spool/realtime/contract";
import pLimit from "p-limit";
import Pusher from "pusher-js";
import WebSocket from "ws";

export interface Listener {
  close(): void;
}

export interface PusherTarget {
  key: string;
  port: number;
  /** The app's channel auth endpoint, for private channels. */
  authEndpoint?: string;
}

/** Spool's realtime server, as its `GET /api/realtime/config` describes it. */
export async function discoverTarget(appUrl: string): Promise<PusherTarget> {
  const response = await fetch(new URL(realtimeConfigPath, appUrl));
  const config = realtimeDiscoverySchema.parse(await response.json());
  return {
    key: config.key,
    port: config.port,
    authEndpoint: new URL(config.authEndpoint, appUrl).href,
  };
}

/** A pusher-js client subscribed to `channel`, resolved once the subscription succeeded. */
export async function pusherListener(
  target: PusherTarget,
  channel: string,
  event: string,
  onData: (data: unknown) => void,
  token?: string,
): Promise<Listener> {
  const client = new Pusher(target.key, {
    cluster: "local",
    wsHost: "127.0.0.1",
    wsPort: target.port,
    forceTLS: false,
    enabledTransports: ["ws"],
    disableStats: true,
    ...(target.authEndpoint
      ? {
          channelAuthorization: {
            endpoint: target.authEndpoint,
            transport: "ajax" as const,
            headers: { authorization: `Bearer ${token}` },
          },
        }
      : {}),
  });
  const subscription = client.subscribe(channel);
  subscription.bind(event, onData);
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no subscription to ${channel}`)), 60_000);
      subscription.bind("pusher:subscription_succeeded", () => {
        clearTimeout(timer);
        resolve();
      });
      subscription.bind("pusher:subscription_error", (error: { status: number }) => {
        clearTimeout(timer);
        reject(new Error(`subscription to ${channel} refused: ${error.status}`));
      });
    });
  } catch (error) {
    client.disconnect();
    throw error;
  }
  return { close: () => client.disconnect() };
}

/** A raw WebSocket that takes every text frame as one JSON message. */
export async function wsListener(port: number, onData: (data: unknown) => void): Promise<Listener> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}`);
  socket.on("message", (frame) => onData(JSON.parse(String(frame))));
  await new Promise((resolve, reject) => {
    socket.once("open", resolve);
    socket.once("error", reject);
  });
  return { close: () => socket.terminate() };
}

/** Opens `count` listeners a few at a time, as a crowd of clients arriving would. */
export async function crowd(count: number, open: (index: number) => Promise<Listener>) {
  const limit = pLimit(20);
  return Promise.all(Array.from({ length: count }, (_, index) => limit(() => open(index))));
}

export const closeAll = (listeners: Listener[]) => listeners.forEach((l) => l.close());
