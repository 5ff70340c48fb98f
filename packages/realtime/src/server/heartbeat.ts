import { CloseCode } from "./protocol";

export interface Heartbeat {
  /** performance.now() of the last frame the client sent. */
  readonly lastHeardAt: number;
  /** When the server pinged this silent client and is still waiting for an answer. */
  readonly pingedAt: number | undefined;
  ping(now: number): void;
  close(code: number, reason: string): void;
}

/**
 * Pings clients that have been silent for the activity timeout and closes those that do not
 * answer within the pong timeout (4201: pusher-js reconnects at once). One timer sweeps every
 * connection, so an idle connection costs no timer of its own.
 */
export function startHeartbeat(
  connections: Iterable<Heartbeat>,
  timeouts: { activityTimeoutSeconds: number; pongTimeoutSeconds: number },
): () => void {
  const activityMs = timeouts.activityTimeoutSeconds * 1000;
  const pongMs = timeouts.pongTimeoutSeconds * 1000;
  const sweepMs = Math.min(5000, Math.max(250, Math.min(activityMs, pongMs) / 4));

  const timer = setInterval(() => {
    const now = performance.now();
    for (const connection of connections) {
      if (connection.pingedAt === undefined) {
        if (now - connection.lastHeardAt > activityMs) connection.ping(now);
      } else if (now - connection.pingedAt > pongMs) {
        connection.close(CloseCode.pongTimeout, "Pong reply not received in time");
      }
    }
  }, sweepMs);
  timer.unref();
  return () => clearInterval(timer);
}
