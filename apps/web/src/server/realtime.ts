import "server-only";
// The settings alone, not the whole API: the proxy reads them for its CSP.
import { realtimeSettings, type RealtimeSettings } from "@spool/api/realtime-settings";
import { env } from "@spool/env";
import Pusher from "pusher";

// One per process, on globalThis: instrumentation (which starts the embedded server) and the
// routes (which sign and publish for it) are bundled apart but must agree on its secret.
const processWide = globalThis as {
  spoolRealtime?: { settings: RealtimeSettings; pusher: Pusher };
};

/** The realtime configuration and the `pusher` SDK client that publishes and signs with it. */
export function realtime(): { settings: RealtimeSettings; pusher: Pusher } {
  if (!processWide.spoolRealtime) {
    const settings = realtimeSettings(env);
    processWide.spoolRealtime = { settings, pusher: new Pusher(settings.server) };
  }
  return processWide.spoolRealtime;
}
