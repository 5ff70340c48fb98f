import "server-only";
import { env } from "@spool/env";
import { startRealtimeServer } from "@spool/realtime/server";
import { realtime } from "./realtime";

/**
 * With no Pusher app configured, the app runs the Pusher-compatible server itself, on the
 * same machine: `npm run dev` and `npm start` need nothing else. On shutdown every client is
 * told to reconnect (close code 4200) before the process goes.
 */
export async function startEmbeddedRealtime(): Promise<string | null> {
  const { settings } = realtime();
  if (!settings.embedded) return null;
  const { appId, key, secret } = settings.server as { appId: string; key: string; secret: string };
  const server = await startRealtimeServer({
    host: env.SPOOL_REALTIME_HOST,
    port: env.SPOOL_REALTIME_PORT,
    apps: [{ id: appId, key, secret }],
    maxConnections: env.SPOOL_REALTIME_MAX_CONNECTIONS,
    maxPayloadBytes: env.SPOOL_REALTIME_MAX_PAYLOAD_BYTES,
    log: (message) => console.warn(`Realtime: ${message}`),
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(
      signal,
      () => void server.close().finally(() => process.kill(process.pid, signal)),
    );
  }
  return server.url;
}
