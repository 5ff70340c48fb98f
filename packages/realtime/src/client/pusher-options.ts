import type { RealtimeDiscovery } from "../contract/discovery";

/** The pusher-js options for a discovered realtime server, in the browser and in Node. */
export interface DiscoveredPusherOptions {
  cluster: string;
  wsHost: string;
  wsPort: number;
  wssPort: number;
  forceTLS: boolean;
  enabledTransports: ("ws" | "wss")[];
  disableStats: true;
  /** Absolute: pusher-js in Node has no page to resolve a relative one against. */
  authEndpoint: string;
}

/**
 * Turns `GET /api/realtime/config` into pusher-js options. `apiUrl` is where the API was
 * reached: the embedded server's host (null in the config) is that one's. Only the ws
 * transports: otherwise pusher-js falls back to SockJS hosts on the internet.
 */
export function pusherOptions(
  config: RealtimeDiscovery,
  apiUrl: string | URL,
): DiscoveredPusherOptions {
  const base = new URL(apiUrl);
  return {
    cluster: config.cluster,
    wsHost: config.host ?? base.hostname,
    wsPort: config.port,
    wssPort: config.port,
    forceTLS: config.tls,
    enabledTransports: ["ws", "wss"],
    disableStats: true,
    authEndpoint: new URL(config.authEndpoint, base).href,
  };
}
