import { getErrorShape, TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { createContext, type ContextOptions } from "../context";
import { DomainError, errorCodes, type ErrorCode } from "../errors";
import { limits } from "../limits";
import { appRouter } from "../root";
import { allowedMethods, allowHeader } from "./methods";

export interface ApiHandlerOptions {
  /** The request's context besides its headers: read only when a call gets that far. */
  context: () => Promise<Omit<ContextOptions, "headers">>;
  /** Where the API is mounted; `/api/trpc` in the web app. */
  endpoint?: string;
}

/**
 * The API over HTTP: the web app's route is one call to this, and the tests call exactly it.
 * Requests over the size limits are refused here, before anything reads or parses them.
 */
export async function handleApiRequest(
  request: Request,
  { context, endpoint = "/api/trpc" }: ApiHandlerOptions,
): Promise<Response> {
  if (request.method === "OPTIONS") {
    return new Response(null, { status: 204, headers: { Allow: allowHeader } });
  }
  if (!(allowedMethods as readonly string[]).includes(request.method)) {
    return refusal(
      new TRPCError({
        code: "METHOD_NOT_SUPPORTED",
        message: `${request.method} is not supported: queries are GET, mutations are POST.`,
      }),
      { Allow: allowHeader },
    );
  }
  const url = new URL(request.url);
  const urlBytes = url.pathname.length + url.search.length;
  if (urlBytes > limits.urlBytes) {
    return refusal(
      domainError(
        "PAYLOAD_TOO_LARGE",
        `The URL is ${urlBytes} bytes; the limit is ${limits.urlBytes}. A query's input travels ` +
          "in the URL: split the batch, or send less.",
      ),
    );
  }
  if (url.searchParams.get("batch") === "1") {
    const calls = url.pathname.slice(endpoint.length).split(",").length;
    if (calls > limits.batchCalls) {
      return refusal(
        domainError(
          "BATCH_TOO_LARGE",
          `This batch has ${calls} calls; a batch has at most ${limits.batchCalls}.`,
        ),
      );
    }
  }
  const body = request.method === "POST" ? await readBody(request) : null;
  if (body instanceof Response) return body;

  return fetchRequestHandler({
    endpoint,
    req: body ? new Request(request, { body }) : request,
    router: appRouter,
    createContext: async () => createContext({ ...(await context()), headers: request.headers }),
    // Answers depend on who asks and change with every message: never cached anywhere.
    responseMeta: () => ({ headers: { "Cache-Control": "no-store" } }),
    onError({ error, path }) {
      // Refusals are the caller's business; only a failure on the server is worth a log line.
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"}:`, error);
    },
  });
}

/**
 * The body, read up to the limit. Content-Length is checked first, and the bytes are counted
 * as they stream, since a chunked body has no Content-Length (or one that lies).
 */
async function readBody(request: Request): Promise<Uint8Array<ArrayBuffer> | Response> {
  const tooLarge = (size: string) =>
    refusal(
      domainError(
        "PAYLOAD_TOO_LARGE",
        `The request body is ${size} bytes; the limit is ${limits.bodyBytes} (1 MiB).`,
      ),
    );
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > limits.bodyBytes) return tooLarge(String(declared));
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
      return tooLarge(`over ${limits.bodyBytes}`);
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

function domainError(code: ErrorCode, message: string): TRPCError {
  return new TRPCError({ code: errorCodes[code], message, cause: new DomainError(code, message) });
}

/** A refusal in exactly the shape tRPC gives its own, through the router's error formatter. */
function refusal(error: TRPCError, headers: Record<string, string> = {}): Response {
  const config = appRouter._def._config;
  const shape = getErrorShape({
    config,
    error,
    type: "unknown",
    path: undefined,
    input: undefined,
    ctx: undefined,
  });
  return new Response(JSON.stringify({ error: config.transformer.output.serialize(shape) }), {
    status: getHTTPStatusCodeFromError(error),
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store", ...headers },
  });
}
