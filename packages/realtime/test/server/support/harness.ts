import PusherServer from "pusher";
import Pusher from "pusher-js";
import {
  type AppCredentials,
  type RealtimeServer,
  type RealtimeServerOptions,
  startRealtimeServer,
} from "../../../src/server";

/** The credentials of PUSHER-PROTOCOL.md's test vectors. */
export const APP: AppCredentials = {
  id: "3",
  key: "278d425bdf160c739803",
  secret: "7ad3773142a6692b25b8",
};

type Cleanup = () => unknown;
const cleanups: Cleanup[] = [];

export function onCleanup(cleanup: Cleanup): void {
  cleanups.push(cleanup);
}

/** For afterEach: disconnects every client, then closes every server, newest first. */
export async function closeAll(): Promise<void> {
  for (let cleanup = cleanups.pop(); cleanup; cleanup = cleanups.pop()) await cleanup();
}

export async function startServer(
  options: Partial<RealtimeServerOptions> = {},
): Promise<RealtimeServer> {
  const server = await startRealtimeServer({ port: 0, apps: [APP], ...options });
  cleanups.push(() => server.close());
  return server;
}

/** The `pusher` SDK pointed at the embedded server, as Spool's publisher uses it. */
export function publisher(port: number, app: AppCredentials = APP): PusherServer {
  const { id: appId, key, secret } = app;
  return new PusherServer({
    appId,
    key,
    secret,
    host: "127.0.0.1",
    port: String(port),
    useTLS: false,
  });
}

export interface ClientOptions {
  key?: string;
  /** What the auth endpoint vouches for on presence channels. */
  presence?: { user_id: string; user_info?: Record<string, unknown> };
  /** What the user authentication endpoint vouches for on `signin()`. */
  user?: { id: string; [field: string]: unknown };
  /** Signs with another secret, as a forged or misconfigured auth endpoint would. */
  secret?: string;
}

/**
 * An unmodified pusher-js client. Its authorizer signs with the SDK's `authorizeChannel`, which
 * is what Spool's auth endpoint does.
 */
export function connectClient(port: number, options: ClientOptions = {}): Pusher {
  const signer = publisher(port, { ...APP, secret: options.secret ?? APP.secret });
  const client = new Pusher(options.key ?? APP.key, {
    cluster: "local",
    wsHost: "127.0.0.1",
    wsPort: port,
    forceTLS: false,
    enabledTransports: ["ws"],
    disableStats: true,
    channelAuthorization: {
      customHandler: ({ socketId, channelName }, callback) => {
        const presence = channelName.startsWith("presence-") ? options.presence : undefined;
        callback(null, signer.authorizeChannel(socketId, channelName, presence));
      },
    },
    userAuthentication: {
      customHandler: ({ socketId }, callback) => {
        if (!options.user) return callback(new Error("no user for this client"), null);
        callback(null, signer.authenticateUser(socketId, options.user));
      },
    },
  });
  cleanups.push(() => client.disconnect());
  return client;
}
