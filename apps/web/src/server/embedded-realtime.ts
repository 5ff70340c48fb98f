import "server-only";
import { env } from "@spool/env";
import {
  type RealtimeServerOptions,
  type RealtimeServerProcess,
  startRealtimeServerProcess,
} from "@spool/realtime/server";
import { realtime } from "./realtime";

/** How long after a crash the server process is started again, doubling while that fails. */
const RESTART_DELAY_MS = 1_000;
const MAX_RESTART_DELAY_MS = 30_000;

/**
 * With no Pusher app configured, the app runs the Pusher-compatible server itself, on the
 * same machine: `npm run dev` and `npm start` need nothing else. It runs in a child process, so
 * that no client (a flood of frames, a thousand subscriptions) can stall the app's event loop;
 * the app publishes to it over HTTP as it would to Pusher. If it crashes, that is reported and
 * it is started again on the same port (pusher-js clients come back by themselves). On
 * shutdown every client is told to reconnect (close code 4200) before the process goes.
 */
export async function startEmbeddedRealtime(builtEntry?: string): Promise<string | null> {
  const { settings } = realtime();
  if (!settings.embedded) return null;
  const { appId, key, secret } = settings.server as { appId: string; key: string; secret: string };
  const options: RealtimeServerOptions = {
    host: env.SPOOL_REALTIME_HOST,
    port: env.SPOOL_REALTIME_PORT,
    apps: [{ id: appId, key, secret }],
    maxConnections: env.SPOOL_REALTIME_MAX_CONNECTIONS,
    maxPayloadBytes: env.SPOOL_REALTIME_MAX_PAYLOAD_BYTES,
    log: (message) => console.warn(`Realtime: ${message}`),
  };

  let server = await startRealtimeServerProcess(options, builtEntry);
  let stopping = false;
  const superviseCrash = (running: RealtimeServerProcess) => {
    void running.crashed.then(async ({ code, signal }) => {
      if (stopping) return;
      console.error(
        `Realtime: the embedded server process ${running.pid} stopped unexpectedly ` +
          `(${signal ?? `exit code ${code}`}); starting it again`,
      );
      await restartWhenPossible();
    });
  };
  const restartWhenPossible = async () => {
    for (let delay = RESTART_DELAY_MS; ; delay = Math.min(delay * 2, MAX_RESTART_DELAY_MS)) {
      await new Promise((resolve) => setTimeout(resolve, delay));
      if (stopping) return;
      try {
        server = await startRealtimeServerProcess(options, builtEntry);
        superviseCrash(server);
        return;
      } catch (error) {
        console.error(`Realtime: the embedded server could not be started again: ${error}`);
      }
    }
  };
  superviseCrash(server);

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      stopping = true;
      void server.close().finally(() => process.kill(process.pid, signal));
    });
  }
  return server.url;
}
