import { randomBytes } from "node:crypto";
import type { SpoolEnv } from "@spool/env";
import type { RealtimeDiscovery } from "@spool/realtime/contract";
import type Pusher from "pusher";

/** What pusher-js in the browser needs: the public part of the configuration. */
export interface RealtimeClientConfig {
  key: string;
  cluster: string;
  /** Unset: the host the page was served from (the embedded server beside the app). */
  wsHost?: string;
  wsPort?: number;
  forceTLS: boolean;
}

export interface RealtimeSettings {
  /** No Pusher app is configured: the app runs the embedded server itself. */
  embedded: boolean;
  /** For the `pusher` SDK on the server: publishing and signing subscriptions. */
  server: Pusher.Options;
  client: RealtimeClientConfig;
}

// The embedded server and the app that signs for it live in one process, so its secret never
// has to leave it: a fresh one per process, kept on globalThis across Next.js module reloads.
const processWide = globalThis as { spoolEmbeddedRealtimeSecret?: string };

type RealtimeEnv = Pick<
  SpoolEnv,
  | "PUSHER_APP_ID"
  | "PUSHER_KEY"
  | "PUSHER_SECRET"
  | "PUSHER_CLUSTER"
  | "PUSHER_HOST"
  | "PUSHER_PORT"
  | "PUSHER_USE_TLS"
  | "SPOOL_REALTIME_PORT"
>;

/**
 * One code path for every column of DESIGN.md §2: hosted Pusher (a cluster), Soketi (a host)
 * or the embedded server (nothing set) differ only in these settings.
 */
export function realtimeSettings(env: RealtimeEnv): RealtimeSettings {
  if (env.PUSHER_APP_ID && env.PUSHER_KEY && env.PUSHER_SECRET) {
    const app = { appId: env.PUSHER_APP_ID, key: env.PUSHER_KEY, secret: env.PUSHER_SECRET };
    if (env.PUSHER_HOST) {
      const useTLS = env.PUSHER_USE_TLS ?? false;
      const port = env.PUSHER_PORT ?? (useTLS ? 443 : 80);
      return {
        embedded: false,
        server: { ...app, host: env.PUSHER_HOST, port: String(port), useTLS },
        client: {
          key: app.key,
          cluster: "custom",
          wsHost: env.PUSHER_HOST,
          wsPort: port,
          forceTLS: useTLS,
        },
      };
    }
    const cluster = env.PUSHER_CLUSTER!; // the env module refuses an app with neither
    return {
      embedded: false,
      server: { ...app, cluster, useTLS: env.PUSHER_USE_TLS ?? true },
      client: { key: app.key, cluster, forceTLS: env.PUSHER_USE_TLS ?? true },
    };
  }
  processWide.spoolEmbeddedRealtimeSecret ??= randomBytes(24).toString("hex");
  const port = env.SPOOL_REALTIME_PORT;
  return {
    embedded: true,
    server: {
      appId: "spool",
      key: "spool",
      secret: processWide.spoolEmbeddedRealtimeSecret,
      host: "127.0.0.1",
      port: String(port),
      useTLS: false,
    },
    client: { key: "spool", cluster: "local", wsPort: port, forceTLS: false },
  };
}

/**
 * What `GET /api/realtime/config` tells every client, the web app's pages included. Hosted
 * Pusher's host is spelled out as pusher-js would derive it from the cluster, so a client
 * needs no rule of its own; the embedded server's stays null: it is wherever the app is.
 */
export function realtimeDiscovery(client: RealtimeClientConfig): RealtimeDiscovery {
  const embedded = client.cluster === "local" && client.wsHost === undefined;
  const port = client.wsPort ?? (client.forceTLS ? 443 : 80);
  return {
    key: client.key,
    cluster: client.cluster,
    host: embedded ? null : (client.wsHost ?? `ws-${client.cluster}.pusher.com`),
    port,
    tls: client.forceTLS,
    authEndpoint: "/api/realtime/auth",
  };
}
