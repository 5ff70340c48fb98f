import { createSpoolEnv } from "@spool/env";
import { describe, expect, it } from "vitest";
import {
  apiSecurityHeaders,
  pageSecurityHeaders,
  realtimeConnectSources,
} from "@/server/security-headers";

const embedded = { cluster: "local", wsPort: 6001, forceTLS: false };
const page = {
  nonce: "abc123",
  realtime: embedded,
  pageHostname: "chat.local",
  development: false,
};
const directive = (csp: string, name: string) =>
  csp.split("; ").find((part) => part.startsWith(`${name} `));

describe("security headers", () => {
  it("refuse every frame by default, on pages and the API", () => {
    for (const headers of [pageSecurityHeaders(page), apiSecurityHeaders()]) {
      expect(directive(headers["Content-Security-Policy"]!, "frame-ancestors")).toBe(
        "frame-ancestors 'none'",
      );
      expect(headers["X-Frame-Options"]).toBe("DENY");
    }
  });

  it("with SPOOL_FRAME_ANCESTORS, list those sites and send no X-Frame-Options", () => {
    const { SPOOL_FRAME_ANCESTORS } = createSpoolEnv({
      SPOOL_FRAME_ANCESTORS: "https://crm.example.com https://*.example.org:8443",
    });
    for (const headers of [
      pageSecurityHeaders({ ...page, frameAncestors: SPOOL_FRAME_ANCESTORS }),
      apiSecurityHeaders(SPOOL_FRAME_ANCESTORS),
    ]) {
      expect(directive(headers["Content-Security-Policy"]!, "frame-ancestors")).toBe(
        "frame-ancestors https://crm.example.com https://*.example.org:8443",
      );
      expect(headers).not.toHaveProperty("X-Frame-Options");
    }
  });

  it("SPOOL_FRAME_ANCESTORS refuses anything but origins, naming the bad one", () => {
    expect(() => createSpoolEnv({ SPOOL_FRAME_ANCESTORS: "https://crm.example.com/app" })).toThrow(
      /SPOOL_FRAME_ANCESTORS.*"https:\/\/crm\.example\.com\/app" is not one/,
    );
    expect(() => createSpoolEnv({ SPOOL_FRAME_ANCESTORS: "*; script-src *" })).toThrow(
      /SPOOL_FRAME_ANCESTORS/,
    );
  });

  it("let only the nonce's scripts run, and eval only under next dev", () => {
    const production = pageSecurityHeaders(page)["Content-Security-Policy"]!;
    expect(directive(production, "script-src")).toBe(
      "script-src 'self' 'nonce-abc123' 'strict-dynamic'",
    );
    expect(directive(production, "object-src")).toBe("object-src 'none'");
    const development = pageSecurityHeaders({ ...page, development: true })[
      "Content-Security-Policy"
    ]!;
    expect(directive(development, "script-src")).toContain("'unsafe-eval'");
  });

  it("let pusher-js reach the realtime server the settings name", () => {
    expect(realtimeConnectSources(embedded, "chat.local")).toEqual([
      "ws://chat.local:6001",
      "wss://chat.local:6001",
    ]);
    expect(realtimeConnectSources({ cluster: "eu", forceTLS: true }, "chat.local")).toEqual([
      "wss://ws-eu.pusher.com",
    ]);
    const soketi = { cluster: "custom", wsHost: "soketi.internal", wsPort: 6002, forceTLS: true };
    expect(realtimeConnectSources(soketi, "chat.local")).toEqual(["wss://soketi.internal:6002"]);
    expect(
      directive(
        pageSecurityHeaders({ ...page, realtime: soketi })["Content-Security-Policy"]!,
        "connect-src",
      ),
    ).toBe("connect-src 'self' wss://soketi.internal:6002");
  });
});
