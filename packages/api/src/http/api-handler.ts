import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createContext, type ContextOptions } from "../context";
import { limits } from "../limits";
import { appRouter } from "../root";
import { noStore, toResponse, type ApiAnswer } from "./api-answer";
import { answerBeforeReading, bodyTooLarge } from "./preflight";
import { answerSingleCall, rawInputOf, singleCallOf } from "./single-call";

export interface ApiHandlerOptions {
  /** The request's context besides its headers: read only when a call gets that far. */
  context: () => Promise<Omit<ContextOptions, "headers">>;
  /** Where the API is mounted; `/api/trpc` in the web app. */
  endpoint?: string;
}

/** Refusals are the caller's business; only a failure on the server is worth a log line. */
export function logServerFailure(error: { code: string }, path: string | undefined): void {
  if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"}:`, error);
}

/**
 * The API over HTTP: the web app's route is one call to this, and the tests call exactly it.
 * Requests over the size limits are refused here, before anything reads or parses them.
 */
export async function handleApiRequest(
  request: Request,
  { context, endpoint = "/api/trpc" }: ApiHandlerOptions,
): Promise<Response> {
  const url = new URL(request.url);
  const { method, headers } = request;
  const early = answerBeforeReading(method, url, headers.get("content-length"), endpoint);
  if (early) return toResponse(early);
  const body = method === "POST" ? await readBody(request) : null;
  if (body && !(body instanceof Uint8Array)) return toResponse(body);

  const contextFor = async () => createContext({ ...(await context()), headers });
  const single = singleCallOf(method, url, (name) => headers.get(name), endpoint);
  if (single) {
    const call = { ...single, rawInput: rawInputOf(body, url) };
    return toResponse(await answerSingleCall(call, contextFor, logServerFailure));
  }
  return fetchRequestHandler({
    endpoint,
    req: body ? new Request(request, { body }) : request,
    router: appRouter,
    createContext: contextFor,
    responseMeta: () => ({ headers: noStore }),
    onError: ({ error, path }) => logServerFailure(error, path),
  });
}

/**
 * The body, read up to the limit. Content-Length was checked first; the bytes are counted as
 * they stream, since a chunked body has no Content-Length (or one that lies).
 */
async function readBody(request: Request): Promise<Uint8Array<ArrayBuffer> | ApiAnswer> {
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    size += chunk.value.byteLength;
    if (size > limits.bodyBytes) {
      // Not awaited: the cancel of a body that is also read elsewhere (a tee, such as
      // Request.clone() makes) settles only once every reader has let go.
      reader.cancel().catch(() => {});
      return bodyTooLarge(`over ${limits.bodyBytes}`);
    }
    chunks.push(chunk.value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
