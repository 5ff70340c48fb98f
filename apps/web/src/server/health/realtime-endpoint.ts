import "server-only";
import { env, type SpoolEnv } from "@spool/env";

export interface RealtimeEndpoint {
  url: string;
  /** Which kind of server the configuration points at. */
  label: "Pusher-compatible host" | "hosted Pusher" | "embedded";
}

type RealtimeEnv = Pick<
  SpoolEnv,
  "PUSHER_HOST" | "PUSHER_PORT" | "PUSHER_USE_TLS" | "PUSHER_CLUSTER" | "SPOOL_REALTIME_PORT"
>;

/** The realtime server the configuration selects: a host, then a hosted cluster, else embedded. */
export function realtimeEndpoint(config: RealtimeEnv = env): RealtimeEndpoint {
  if (config.PUSHER_HOST) {
    const scheme = config.PUSHER_USE_TLS ? "https" : "http";
    const port = config.PUSHER_PORT ? `:${config.PUSHER_PORT}` : "";
    return { url: `${scheme}://${config.PUSHER_HOST}${port}/`, label: "Pusher-compatible host" };
  }
  if (config.PUSHER_CLUSTER) {
    return { url: `https://api-${config.PUSHER_CLUSTER}.pusher.com/`, label: "hosted Pusher" };
  }
  return { url: `http://127.0.0.1:${config.SPOOL_REALTIME_PORT}/`, label: "embedded" };
}
