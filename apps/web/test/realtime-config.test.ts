import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { realtimeDiscovery, realtimeSettings } from "@spool/api";
import { pusherOptions } from "@spool/realtime/client";
import { realtimeDiscoverySchema } from "@spool/realtime/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerRealtimeConfig } from "@/server/realtime-config";
import { ownRoute } from "@/server/http/serve-api";
import { nothingSet, pusherApp as app, type RealtimeEnv } from "./support/realtime-env";

const discover = (env: Partial<RealtimeEnv>) =>
  realtimeDiscovery(realtimeSettings({ ...nothingSet, SPOOL_REALTIME_PORT: 6123, ...env }).client);

describe("what GET /api/realtime/config tells a client", () => {
  it("the embedded server: its key and port, on the host the API was reached at", () => {
    const config = discover({});
    expect(config).toEqual({
      key: realtimeSettings(nothingSet).client.key,
      cluster: "local",
      host: null,
      port: 6123,
      tls: false,
      authEndpoint: "/api/realtime/auth",
    });
    expect(pusherOptions(config, "http://chat.example:3000/")).toMatchObject({
      wsHost: "chat.example",
      wsPort: 6123,
      forceTLS: false,
      authEndpoint: "http://chat.example:3000/api/realtime/auth",
    });
  });

  it("hosted Pusher: the cluster's host over TLS, as pusher-js would derive it", () => {
    expect(discover({ ...app, PUSHER_CLUSTER: "eu" })).toMatchObject({
      key: "key",
      cluster: "eu",
      host: "ws-eu.pusher.com",
      port: 443,
      tls: true,
    });
  });

  it("Soketi: its host and port", () => {
    const soketi = { ...app, PUSHER_HOST: "soketi.internal", PUSHER_PORT: 6002 };
    expect(discover(soketi)).toMatchObject({ host: "soketi.internal", port: 6002, tls: false });
    expect(discover({ ...soketi, PUSHER_USE_TLS: true })).toMatchObject({ tls: true });
  });
});

describe("GET /api/realtime/config over HTTP", () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    // `npm start`'s own server, minus Next.js: what it answers itself, and 404 otherwise.
    server = createServer((request, response) => {
      const serve = ownRoute(request);
      if (!serve) return void response.writeHead(404).end();
      void serve(request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it("is answered by npm start's own server with what the Next.js route answers", async () => {
    const own = await fetch(`${base}/api/realtime/config`);
    expect(own.status).toBe(200);
    expect(own.headers.get("x-content-type-options")).toBe("nosniff");
    const body: unknown = await own.json();
    expect(realtimeDiscoverySchema.parse(body)).toEqual(body);
    expect(body).toEqual(await answerRealtimeConfig().json());
  });

  it("is only read: other methods are left to Next.js", async () => {
    expect((await fetch(`${base}/api/realtime/config`, { method: "POST" })).status).toBe(404);
  });
});
