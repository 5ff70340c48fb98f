import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { startRealtimeServer, type RealtimeServer } from "@spool/realtime/server";
import Pusher from "pusher";
import PusherClient from "pusher-js";
import { afterAll, afterEach, beforeAll } from "vitest";
import { handleChannelAuth } from "../../src/realtime/channel-auth-handler";
import { PusherPublisher } from "../../src/realtime/pusher-publisher";
import { issueToken } from "../../src/services/identity/issue-token";
import type { TestUser, useApi } from "../support/harness";

const APP = { id: "spool-test", key: "spool-test-key", secret: "spool-test-secret" };
const WAIT_MS = 5_000;

type Channel = ReturnType<PusherClient["subscribe"]>;

/**
 * The realtime path as it runs in production, all real: the API publishes through the
 * `pusher` SDK to the embedded server, and users listen with pusher-js, authorised over HTTP
 * by the same channel auth handler the web app serves, with bearer tokens.
 */
export function useRealtime(api: ReturnType<typeof useApi>) {
  let server: RealtimeServer;
  let publisher: PusherPublisher;
  let authServer: Server;
  let authUrl: string;
  const clients: PusherClient[] = [];

  const stack = {
    get server() {
      return server;
    },
    get publisher() {
      return publisher;
    },
    /** A pusher-js client for the user; its subscriptions are signed by the auth handler. */
    async connect(user: TestUser): Promise<PusherClient> {
      const { token } = await issueToken(api.deps, {
        userId: user.id,
        scopes: ["chat"],
        expiresInMinutes: 60,
      });
      const client = new PusherClient(APP.key, {
        cluster: "local",
        wsHost: "127.0.0.1",
        wsPort: server.port,
        forceTLS: false,
        enabledTransports: ["ws"],
        disableStats: true,
        channelAuthorization: {
          endpoint: `${authUrl}/api/realtime/auth`,
          transport: "ajax",
          headers: { authorization: `Bearer ${token}` },
        },
      });
      clients.push(client);
      await new Promise<void>((resolve) => client.connection.bind("connected", resolve));
      return client;
    },
    /** Subscribes, resolving once subscribed and rejecting with the HTTP status if refused. */
    subscribe(client: PusherClient, channelName: string): Promise<Channel> {
      const channel = client.subscribe(channelName);
      return withTimeout(
        new Promise<Channel>((resolve, reject) => {
          channel.bind("pusher:subscription_succeeded", () => resolve(channel));
          channel.bind("pusher:subscription_error", (error: { status: number }) => {
            client.unsubscribe(channelName);
            reject(
              Object.assign(new Error(`refused with ${error.status}`), { status: error.status }),
            );
          });
        }),
        `subscribing to ${channelName}`,
      );
    },
    /** The next `event` on the channel. */
    next<T = unknown>(channel: Channel, event: string): Promise<T> {
      return withTimeout(
        new Promise<T>((resolve) => {
          const handler = (data: T) => {
            channel.unbind(event, handler);
            resolve(data);
          };
          channel.bind(event, handler);
        }),
        `${event} on ${channel.name}`,
      );
    },
    sdk(): Pusher {
      return new Pusher({
        appId: APP.id,
        key: APP.key,
        secret: APP.secret,
        host: "127.0.0.1",
        port: String(server.port),
        useTLS: false,
      });
    },
    async startServer(port = 0) {
      server = await startRealtimeServer({ port, apps: [APP] });
    },
  };

  beforeAll(async () => {
    authServer = createServer((req, res) => void serveChannelAuth(req, res));
    await new Promise<void>((resolve) => authServer.listen(0, "127.0.0.1", resolve));
    authUrl = `http://127.0.0.1:${(authServer.address() as AddressInfo).port}`;
    await stack.startServer();
    // Failures are counted in publisher.stats; the catch-up test causes them on purpose.
    publisher = new PusherPublisher(stack.sdk(), { error: () => {} });
    api.publishTo(publisher);
  });
  afterEach(async () => {
    await publisher.idle();
    for (const client of clients.splice(0)) client.disconnect();
  });
  afterAll(async () => {
    await server?.close();
    authServer?.closeAllConnections();
    await new Promise((resolve) => authServer?.close(resolve));
  });

  /** The web app's /api/realtime/auth route, served over real HTTP to pusher-js. */
  async function serveChannelAuth(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = new Request(`${authUrl}${req.url}`, {
      method: req.method,
      headers: new Headers(req.headers as Record<string, string>),
      body: Buffer.concat(chunks),
    });
    const response = await handleChannelAuth(request, {
      deps: api.deps,
      pusher: stack.sdk(),
      accessKey: undefined,
    });
    res.writeHead(response.status, Object.fromEntries(response.headers)).end(await response.text());
  }
  return stack;
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), WAIT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
