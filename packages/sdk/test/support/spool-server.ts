import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  handleApiRequest,
  handleChannelAuth,
  PusherPublisher,
  RateLimits,
  realtimeDiscovery,
  TokenCache,
  Translator,
  type RatePolicies,
  type ServiceDeps,
} from "@spool/api";
import type { Database } from "@spool/db";
import { openTestDatabase } from "@spool/db/testing";
import {
  startRealtimeServer,
  type RealtimeServer,
  type RealtimeServerOptions,
} from "@spool/realtime/server";
import { incomingMessageToRequest } from "@trpc/server/adapters/node-http";
import Pusher from "pusher";

const APP = { id: "sdk-test", key: "sdk-test-key", secret: "sdk-test-secret-0123456789" };
export const ACCESS_KEY = "sdk-test-access-key-0123456789abcdef";

/** Ways to make the server misbehave on purpose, per procedure (e.g. "message.send"). */
export class Faults {
  private readonly drops = new Map<string, number>();
  private readonly failures = new Map<string, number>();
  private readonly counts = new Map<string, number>();

  /** The next `times` calls run to the end, then the connection is cut before the answer. */
  dropAnswer(procedure: string, times = 1): void {
    this.drops.set(procedure, times);
  }

  /** The next `times` calls are answered 502 without reaching the API, as a proxy would. */
  failBefore(procedure: string, times = 1): void {
    this.failures.set(procedure, times);
  }

  /** How many requests for the procedure arrived. */
  requests(procedure: string): number {
    return this.counts.get(procedure) ?? 0;
  }

  /** @internal what to do with one request. */
  take(procedure: string): "drop" | "fail" | null {
    this.counts.set(procedure, this.requests(procedure) + 1);
    for (const [kind, map] of [
      ["fail", this.failures],
      ["drop", this.drops],
    ] as const) {
      const left = map.get(procedure) ?? 0;
      if (left > 0) {
        map.set(procedure, left - 1);
        return kind;
      }
    }
    return null;
  }
}

export interface SpoolOptions {
  ratePolicies?: RatePolicies;
  /** The embedded realtime server's limits, when a test needs them smaller. */
  realtime?: Partial<Pick<RealtimeServerOptions, "maxSubscriptionsPerConnection">>;
}

export interface SpoolServer {
  url: string;
  faults: Faults;
  publisher: PusherPublisher;
  /** Stops the realtime server: every client is dropped, and publishes fail until restarted. */
  stopRealtime(): Promise<void>;
  /** Starts it again on the same port. */
  startRealtime(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Spool as the SDK meets it: the API's own HTTP handler, the channel auth endpoint and
 * `GET /api/realtime/config` on one real HTTP server, an embedded database, and the embedded
 * realtime server that the API publishes to with the `pusher` SDK, exactly as the web app
 * wires them.
 */
export async function startSpool(options: SpoolOptions = {}): Promise<SpoolServer> {
  const database: Database = await openTestDatabase("pglite");
  const realtimeOptions = { apps: [APP], ...options.realtime };
  let realtime: RealtimeServer = await startRealtimeServer({ port: 0, ...realtimeOptions });
  const realtimePort = realtime.port;
  const pusher = new Pusher({
    appId: APP.id,
    key: APP.key,
    secret: APP.secret,
    host: "127.0.0.1",
    port: String(realtimePort),
    useTLS: false,
  });
  // Failed publishes (the realtime server stopped on purpose) are counted in its stats.
  const publisher = new PusherPublisher(pusher, { error: () => {} });
  const limits = new RateLimits({ policies: options.ratePolicies });
  const deps: ServiceDeps = {
    db: database.prisma,
    sql: database.sql,
    storage: database,
    changes: publisher,
    limits,
    tokens: new TokenCache(),
    // No provider: the SDK's tests are not about translation.
    translator: new Translator({ provider: null, limits }),
  };
  const faults = new Faults();
  const config = realtimeDiscovery({
    key: APP.key,
    cluster: "local",
    wsPort: realtimePort,
    forceTLS: false,
  });

  const answer = async (request: Request): Promise<Response> => {
    const path = new URL(request.url).pathname;
    if (path === "/api/realtime/config") return Response.json(config);
    if (path === "/api/realtime/auth") {
      return handleChannelAuth(request, { deps, pusher, accessKey: ACCESS_KEY });
    }
    return handleApiRequest(request, {
      context: async () => ({ deps, accessKey: ACCESS_KEY, sessionUserId: async () => null }),
    });
  };

  const serve = async (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const procedure = incoming.url?.match(/^\/api\/trpc\/([\w.]+)/)?.[1] ?? "";
    const fault = procedure ? faults.take(procedure) : null;
    if (fault === "fail") return void outgoing.writeHead(502).end("Bad Gateway");
    const response = await answer(
      incomingMessageToRequest(incoming, outgoing, { maxBodySize: null }),
    );
    const body = Buffer.from(await response.arrayBuffer());
    if (fault === "drop") return void incoming.socket.destroy();
    outgoing.writeHead(response.status, Object.fromEntries(response.headers)).end(body);
  };
  const server: Server = createServer((incoming, outgoing) => {
    serve(incoming, outgoing).catch((error: unknown) => {
      console.error(error);
      if (!outgoing.headersSent) outgoing.writeHead(500);
      outgoing.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    faults,
    publisher,
    stopRealtime: () => realtime.close(),
    async startRealtime() {
      realtime = await startRealtimeServer({ port: realtimePort, ...realtimeOptions });
    },
    async close() {
      await publisher.idle();
      await realtime.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await database.close();
    },
  };
}
