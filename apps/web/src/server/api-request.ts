import "server-only";
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { fetchHeaders, handleApiRequest, handleNodeApiRequest } from "@spool/api";
import { getApiDeps, type ApiHost } from "./api-deps";
import { sessionUserIdOf } from "./auth/session";
import { clientAddress } from "./client-address";
import { accessKey } from "./secrets";

/** The web app's context for one API request: who may be calling, and from where. */
function apiContext(host: ApiHost, url: string, headers: Headers | IncomingHttpHeaders) {
  return async () => ({
    deps: await getApiDeps(host),
    clientAddress: () => clientAddress(headers),
    accessKey: accessKey(),
    sessionUserId: () =>
      sessionUserIdOf(url, headers instanceof Headers ? headers : fetchHeaders(headers)),
  });
}

/** The API's answer to one request, as the Next.js route serves it (`npm run dev`, Vercel). */
export function answerApiRequest(request: Request): Promise<Response> {
  return handleApiRequest(request, { context: apiContext("next", request.url, request.headers) });
}

/**
 * The same answer on Spool's own server (`npm start`), read and written on Node's request and
 * response, each answer with `headers` besides its own.
 */
export function serveApiRequest(
  request: IncomingMessage,
  response: ServerResponse,
  headers: Record<string, string>,
): Promise<void> {
  // As `next start` does: the socket's address when no proxy said whose request it is.
  request.headers["x-forwarded-for"] ??= request.socket.remoteAddress;
  return handleNodeApiRequest(request, response, {
    context: apiContext("own-server", request.url ?? "/", request.headers),
    headers,
  });
}
