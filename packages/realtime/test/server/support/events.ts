import type Pusher from "pusher-js";

interface Bindable {
  bind(event: string, callback: (...args: never[]) => unknown): unknown;
  unbind(event: string, callback: (...args: never[]) => unknown): unknown;
}

/** The next `event` from `target` (matching `accept`), or a rejection after `timeoutMs`. */
export function nextEvent<T = unknown>(
  target: Bindable,
  event: string,
  accept: (data: T) => boolean = () => true,
  timeoutMs = 10_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const handler = (data: T) => {
      if (!accept(data)) return;
      clearTimeout(timer);
      target.unbind(event, handler);
      resolve(data);
    };
    const timer = setTimeout(() => {
      target.unbind(event, handler);
      reject(new Error(`Timed out waiting for ${event}`));
    }, timeoutMs);
    target.bind(event, handler);
  });
}

/** Every `event` from `target` from now on, as it arrives. */
export function record<T = unknown>(target: Bindable, event: string): T[] {
  const seen: T[] = [];
  target.bind(event, (data: T) => void seen.push(data));
  return seen;
}

export async function connected(client: Pusher): Promise<string> {
  if (client.connection.state !== "connected") await nextEvent(client.connection, "connected");
  return client.connection.socket_id;
}

export async function subscribed(client: Pusher, channelName: string) {
  const channel = client.subscribe(channelName);
  await nextEvent(channel, "pusher:subscription_succeeded");
  return channel;
}

/**
 * A ping answered by the server. Frames to one socket arrive in order, so once the pong is
 * here, anything the server sent this client before handling the ping has arrived too.
 */
export async function roundTrip(client: Pusher): Promise<void> {
  const pong = nextEvent<{ event: string }>(
    client.connection,
    "message",
    (message) => message.event === "pusher:pong",
  );
  client.send_event("pusher:ping", {});
  await pong;
}

interface PusherError {
  code: number;
  message?: string;
}

/**
 * The next error with this code on the client's connection. pusher-js reports a `pusher:error`
 * frame or a close code as `{data}`, and one met while connecting as `{error: {data}}`.
 */
export function pusherError(client: Pusher, code: number): Promise<PusherError> {
  type Reported = { data?: PusherError; error?: { data?: PusherError } };
  const detail = (e: Reported) => e.data ?? e.error?.data;
  return nextEvent<Reported>(client.connection, "error", (e) => detail(e)?.code === code).then(
    (e) => detail(e) as PusherError,
  );
}
