import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { checkRealtime } from "@/server/health/realtime";
import { realtimeSettings } from "@spool/api";
import { realtimeEndpoint } from "@/server/health/realtime-endpoint";
import { nothingSet, pusherApp as app } from "./support/realtime-env";

describe("where the health check looks for the realtime server", () => {
  it("is the embedded server when nothing is set", () => {
    expect(realtimeEndpoint(realtimeSettings(nothingSet))).toEqual({
      url: "http://127.0.0.1:6001/",
      label: "embedded",
    });
  });

  it("is hosted Pusher's API for a cluster", () => {
    const hosted = realtimeSettings({ ...nothingSet, ...app, PUSHER_CLUSTER: "eu" });
    expect(realtimeEndpoint(hosted)).toEqual({
      url: "https://api-eu.pusher.com/",
      label: "hosted Pusher",
    });
  });

  it("is the given host (a Soketi cluster, say), over TLS when asked", () => {
    const soketi = { ...nothingSet, ...app, PUSHER_HOST: "soketi.internal", PUSHER_PORT: 6002 };
    expect(realtimeEndpoint(realtimeSettings(soketi))).toEqual({
      url: "http://soketi.internal:6002/",
      label: "Pusher-compatible host",
    });
    expect(realtimeEndpoint(realtimeSettings({ ...soketi, PUSHER_USE_TLS: true })).url).toBe(
      "https://soketi.internal:6002/",
    );
  });
});

describe("the realtime health check", () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  it("reports a server that answers as reachable", async () => {
    server = createServer((_, response) => response.writeHead(404).end());
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;

    const health = await checkRealtime({ url: `http://127.0.0.1:${port}/`, label: "embedded" });

    expect(health).toMatchObject({ reachable: true, httpStatus: 404 });
  });

  it("says why a server that is down cannot be reached", async () => {
    server = createServer();
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server!.close(resolve));

    const health = await checkRealtime({ url: `http://127.0.0.1:${port}/`, label: "embedded" });

    expect(health).toEqual({
      url: `http://127.0.0.1:${port}/`,
      label: "embedded",
      reachable: false,
      error: `connect ECONNREFUSED 127.0.0.1:${port}`,
    });
  });
});
