import type { NextConfig } from "next";
import { staticSecurityHeaders } from "./src/server/security-headers";

const config: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: true,
  // Workspace packages publish TypeScript source, so Next compiles them with the app.
  transpilePackages: ["@spool/api", "@spool/db", "@spool/env", "@spool/realtime"],
  // Loaded by Node from node_modules at run time: PGlite finds its .wasm and .data files
  // beside its own module, ws loads optional native helpers, and the drivers are plain Node
  // code with nothing to gain from bundling.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "pg",
    "@prisma/adapter-pg",
    "ws",
    "pusher",
  ],
  // On every response, static files included; the CSP and framing headers, which depend on
  // the request and the environment, come from the proxy.
  async headers() {
    const headers = Object.entries(staticSecurityHeaders).map(([key, value]) => ({ key, value }));
    return [{ source: "/:path*", headers }];
  },
  // Keep `next dev` from writing AGENTS.md files into the tree depending on who runs it.
  agentRules: false,
};

export default config;
