import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { env } from "@spool/env";
import { incomingMessageToRequest } from "@trpc/server/adapters/node-http";
import { answerApiRequest } from "../api-request";
import { answerRealtimeConfig } from "../realtime-config";
import { apiSecurityHeaders, staticSecurityHeaders } from "../security-headers";

type Answer = (request: Request) => Response | Promise<Response>;

/**
 * The routes Spool's own server answers itself, each with the function its Next.js route
 * calls; null for everything Next.js serves.
 */
export function ownAnswer(request: IncomingMessage): Answer | null {
  const path = request.url?.split("?")[0] ?? "";
  if (path.startsWith("/api/trpc/")) return answerApiRequest;
  const read = request.method === "GET" || request.method === "HEAD";
  if (path === "/api/realtime/config" && read) return answerRealtimeConfig;
  return null;
}

/**
 * One API request on Spool's own server: the same answer as the Next.js route, with the
 * headers next.config.ts and the proxy give API responses there.
 */
export async function serveApi(
  request: IncomingMessage,
  response: ServerResponse,
  answerWith: Answer,
): Promise<void> {
  // As `next start` does: the socket's address when no proxy said whose request it is.
  request.headers["x-forwarded-for"] ??= request.socket.remoteAddress;
  // The API reads the body itself, refusing one over its limit before reading it all.
  const answer = await answerWith(
    incomingMessageToRequest(request, response, { maxBodySize: null }),
  );
  const headers: Record<string, string | string[]> = {
    ...staticSecurityHeaders,
    ...apiSecurityHeaders(env.SPOOL_FRAME_ANCESTORS),
  };
  answer.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = answer.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  response.writeHead(answer.status, headers);
  if (!answer.body || request.method === "HEAD") {
    response.end();
    return;
  }
  // A JSON answer is complete already: written at once, it skips a web stream's machinery.
  // Only a streamed one (httpBatchStreamLink's jsonl) is piped as it comes.
  if (answer.headers.get("content-type")?.split(";")[0] === "application/json") {
    response.end(Buffer.from(await answer.arrayBuffer()));
    return;
  }
  Readable.fromWeb(answer.body as NodeReadableStream).pipe(response);
}
