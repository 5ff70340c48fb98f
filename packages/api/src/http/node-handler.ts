import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { TRPCError } from "@trpc/server";
import { createContext } from "../context";
import { limits } from "../limits";
import { refusal, type ApiAnswer } from "./api-answer";
import { handleApiRequest, logServerFailure, type ApiHandlerOptions } from "./api-handler";
import { answerBeforeReading, bodyTooLarge } from "./preflight";
import { answerSingleCall, rawInputOf, singleCallOf } from "./single-call";

export interface NodeApiHandlerOptions extends ApiHandlerOptions {
  /** Headers every answer carries besides the API's own (the host's security headers). */
  headers?: Record<string, string>;
}

/**
 * The API on a Node server (`npm start`): the same answers as `handleApiRequest`, with the
 * same limits, read and written on Node's own request and response. A single call is answered
 * without a Fetch Request or Response at all; anything else (a batch, a stream) is handed to
 * `handleApiRequest` as a Request.
 */
export async function handleNodeApiRequest(
  request: IncomingMessage,
  response: ServerResponse,
  options: NodeApiHandlerOptions,
): Promise<void> {
  const { context, endpoint = "/api/trpc", headers: hostHeaders = {} } = options;
  const method = request.method ?? "GET";
  // The API reads only the path and the query: the Host header, the client's to choose, is
  // left out of it.
  const url = URL.canParse(request.url ?? "", "http://localhost")
    ? new URL(request.url!, "http://localhost")
    : null;
  const header = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value.join(", ") : value;
  };
  const write = (answer: ApiAnswer) => {
    response.writeHead(answer.status, { ...hostHeaders, ...answer.headers });
    response.end(method === "HEAD" ? undefined : (answer.body ?? undefined));
  };

  if (!url) return write(refusal(new TRPCError({ code: "BAD_REQUEST", message: "Invalid URL" })));
  const early = answerBeforeReading(method, url, header("content-length"), endpoint);
  if (early) return write(early);
  const body = method === "POST" ? await readBody(request) : null;
  if (body && !Buffer.isBuffer(body)) return write(body);
  // A client that went away before sending its whole body is answered nothing.
  if (body && !request.complete) return;

  const single = singleCallOf(method, url, header, endpoint);
  if (single) {
    const call = { ...single, rawInput: rawInputOf(body, url) };
    const contextFor = async () =>
      createContext({ ...(await context()), headers: { get: (name) => header(name) ?? null } });
    return write(await answerSingleCall(call, contextFor, logServerFailure));
  }
  const answer = await handleApiRequest(
    new Request(url, { method, headers: fetchHeaders(request.headers), body }),
    options,
  );
  await writeFetchResponse(answer, response, method, hostHeaders);
}

/** Node's request headers as Fetch Headers. */
export function fetchHeaders(headers: IncomingHttpHeaders): Headers {
  const fetched = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    for (const one of [value ?? []].flat()) fetched.append(name, one);
  }
  return fetched;
}

/**
 * The body, read up to the limit, counted as it streams (Content-Length was checked first);
 * what came before the client went away, if it did (`request.complete` tells).
 */
function readBody(request: IncomingMessage): Promise<Buffer<ArrayBuffer> | ApiAnswer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limits.bodyBytes) {
        // Nothing more is read: the refusal is written, and then the connection closed.
        request.off("data", onData).pause();
        const refused = bodyTooLarge(`over ${limits.bodyBytes}`);
        resolve({ ...refused, headers: { ...refused.headers, Connection: "close" } });
        return;
      }
      chunks.push(chunk);
    };
    request.on("data", onData);
    const received = () => resolve(Buffer.concat(chunks, size));
    request.on("end", received);
    // A client gone mid-body: what came is handed back once, and `request.complete` says so.
    const gone = () => {
      if (!request.complete) received();
    };
    request.on("close", gone).on("error", gone);
  });
}

/** A Fetch Response onto Node's: a JSON answer at once, a stream (jsonl) as it comes. */
export async function writeFetchResponse(
  answer: Response,
  response: ServerResponse,
  method: string,
  hostHeaders: Record<string, string>,
): Promise<void> {
  const headers: Record<string, string | string[]> = { ...hostHeaders };
  answer.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = answer.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  response.writeHead(answer.status, headers);
  if (!answer.body || method === "HEAD") {
    response.end();
    return;
  }
  if (answer.headers.get("content-type")?.split(";")[0] === "application/json") {
    response.end(Buffer.from(await answer.arrayBuffer()));
    return;
  }
  Readable.fromWeb(answer.body as NodeReadableStream).pipe(response);
}
