import type { IncomingMessage, ServerResponse } from "node:http";
import { writeFetchResponse } from "@spool/api";
import { env } from "@spool/env";
import { serveApiRequest } from "../api-request";
import { answerRealtimeConfig } from "../realtime-config";
import { apiSecurityHeaders, staticSecurityHeaders } from "../security-headers";

type Serve = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

/** The headers next.config.ts and the proxy give API answers under Next.js. */
const apiHeaders = { ...staticSecurityHeaders, ...apiSecurityHeaders(env.SPOOL_FRAME_ANCESTORS) };

/**
 * The routes Spool's own server answers itself, each with what its Next.js route answers; null
 * for everything Next.js serves.
 */
export function ownRoute(request: IncomingMessage): Serve | null {
  const path = request.url?.split("?")[0] ?? "";
  if (path.startsWith("/api/trpc/")) {
    return (request, response) => serveApiRequest(request, response, apiHeaders);
  }
  const read = request.method === "GET" || request.method === "HEAD";
  if (path === "/api/realtime/config" && read) {
    return (request, response) =>
      writeFetchResponse(answerRealtimeConfig(), response, request.method!, apiHeaders);
  }
  return null;
}
