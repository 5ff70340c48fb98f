import "server-only";
import type { RealtimeSettings } from "@spool/api";
import { realtime } from "../realtime";

export interface RealtimeEndpoint {
  url: string;
  /** Which kind of server the configuration points at. */
  label: "Pusher-compatible host" | "hosted Pusher" | "embedded";
}

/** The HTTP address of the realtime server the configuration selects. */
export function realtimeEndpoint(
  settings: RealtimeSettings = realtime().settings,
): RealtimeEndpoint {
  const { server, embedded } = settings;
  const scheme = server.useTLS ? "https" : "http";
  if ("host" in server && server.host) {
    const port = server.port ? `:${server.port}` : "";
    return {
      url: `${scheme}://${server.host}${port}/`,
      label: embedded ? "embedded" : "Pusher-compatible host",
    };
  }
  const cluster = "cluster" in server ? server.cluster : "";
  return { url: `https://api-${cluster}.pusher.com/`, label: "hosted Pusher" };
}
