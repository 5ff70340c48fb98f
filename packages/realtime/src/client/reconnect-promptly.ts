/** The little of pusher-js this needs, so that the helper works with any version of it. */
export interface ReconnectingPusher {
  connection: {
    readonly state: string;
    bind(event: "state_change", callback: (change: { current: string }) => void): unknown;
    unbind(event: "state_change", callback: (change: { current: string }) => void): unknown;
  };
  connect(): void;
  disconnect(): void;
}

export interface ReconnectOptions {
  /** Wait before the first fresh attempt; doubled after each one, up to `maxDelayMs`. */
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** Between 0 and 1: spreads the attempts of many clients after one server restart. */
  random?: () => number;
}

/**
 * pusher-js retries a failed connection only when its attempt timer runs out: 15 s, then 30 s,
 * then 60 s, fixed in its connection strategy (no option changes them). So a client whose first
 * try after a server restart finds the port still closed stays away for 15 s or more, although
 * the server is back in two. While not connected, this starts a fresh attempt after 1 s, 2 s,
 * 4 s, then every 5 s (each less a random part of up to half), until one connects. pusher-js
 * itself resubscribes every channel once connected, and Spool's clients catch up from there.
 * Returns a function that stops it; a `disconnect()` by the caller stops it too.
 */
export function reconnectPromptly(
  pusher: ReconnectingPusher,
  { firstDelayMs = 1000, maxDelayMs = 5000, random = Math.random }: ReconnectOptions = {},
): () => void {
  let delay = firstDelayMs;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let restarting = false;

  const cancel = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  const restart = () => {
    timer = undefined;
    if (pusher.connection.state === "connected") return;
    delay = Math.min(delay * 2, maxDelayMs);
    // disconnect() throws away the attempt that is waiting out its timer; connect() starts anew.
    restarting = true;
    pusher.disconnect();
    restarting = false;
    pusher.connect();
  };
  const onStateChange = ({ current }: { current: string }) => {
    if (restarting) return;
    if (current === "connected") {
      cancel();
      delay = firstDelayMs;
    } else if (current === "connecting" || current === "unavailable") {
      timer ??= setTimeout(restart, delay * (1 - random() / 2));
    } else {
      cancel(); // disconnected by the caller, or failed for good
    }
  };

  pusher.connection.bind("state_change", onStateChange);
  onStateChange({ current: pusher.connection.state });
  return () => {
    cancel();
    pusher.connection.unbind("state_change", onStateChange);
  };
}
