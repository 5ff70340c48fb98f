import {
  getErrorShape,
  getTRPCErrorFromUnknown,
  transformTRPCResponse,
  TRPCError,
  type AnyProcedure,
} from "@trpc/server";
import { getHTTPStatusCode } from "@trpc/server/http";
import type { Context } from "../context";
import { appRouter } from "../root";
import { noStore, type ApiAnswer } from "./api-answer";

/**
 * One call of a query by GET or of a mutation by POST, its input JSON: what the SDK (tRPC's
 * `httpLink`) and most other apps send. Batches, streams and every other shape go through
 * tRPC's own fetch adapter.
 */
export interface SingleCall {
  method: "GET" | "POST";
  path: string;
  procedure: AnyProcedure;
  /** The input as sent: a GET's `input` parameter, a POST's body. */
  rawInput: string | null;
}

const utf8 = new TextDecoder();

/** The input as sent, as tRPC reads it: a POST's body as UTF-8 (a BOM dropped), or `input`. */
export function rawInputOf(body: Uint8Array | null, url: URL): string | null {
  return body ? utf8.decode(body) : url.searchParams.get("input");
}

const procedures = appRouter._def.procedures as unknown as Record<string, AnyProcedure | undefined>;
const acceptsMethod = { query: "GET", mutation: "POST" } as const;

/** The call, when the request is a single call of a known procedure by its own method. */
export function singleCallOf(
  method: string,
  url: URL,
  header: (name: string) => string | null | undefined,
  endpoint: string,
): Omit<SingleCall, "rawInput"> | null {
  if (url.searchParams.has("batch") || header("trpc-accept") === "application/jsonl") return null;
  const contentType = header("content-type")?.toLowerCase().split(";", 1)[0]!.trim();
  if (contentType !== "application/json" && (method !== "GET" || contentType)) return null;
  if (!url.pathname.startsWith(`${endpoint}/`)) return null;
  // Procedure names need no URL-encoding; an encoded one is left to tRPC to decode.
  const path = url.pathname.slice(endpoint.length + 1);
  const procedure = Object.hasOwn(procedures, path) ? procedures[path] : undefined;
  const type = procedure?._def.type;
  if (!procedure || (type !== "query" && type !== "mutation")) return null;
  return acceptsMethod[type] === method ? { method, path, procedure } : null;
}

/**
 * Answers a single call exactly as tRPC's fetch adapter does (the status, the body through the
 * transformer, the error formatter's shape), calling the same procedure with the same
 * context, but without building a Fetch Request and Response around it: those cost more CPU
 * per message sent than storing the message did.
 */
export async function answerSingleCall(
  { method, path, procedure, rawInput }: SingleCall,
  createContext: () => Promise<Context>,
  onError: (error: TRPCError, path: string) => void,
): Promise<ApiAnswer> {
  const config = appRouter._def._config;
  const type = procedure._def.type as "query" | "mutation";
  let ctx: Context | undefined;
  let input: unknown;
  let answer;
  try {
    ctx = await createContext();
    const data: unknown = await procedure({
      path,
      type,
      ctx,
      signal: undefined,
      batchIndex: 0,
      getRawInput: async () => (input = parseInput(method, rawInput)),
    });
    answer = { result: { data } };
  } catch (cause) {
    const error = getTRPCErrorFromUnknown(cause);
    onError(error, path);
    answer = { error: getErrorShape({ config, ctx, error, input, path, type }) };
  }
  return {
    status: getHTTPStatusCode(answer),
    headers: { "Content-Type": "application/json", Vary: "trpc-accept, accept", ...noStore },
    body: JSON.stringify(transformTRPCResponse(config, answer)),
  };
}

/**
 * As tRPC reads it: a GET without input has none, a POST's body is always JSON; what cannot
 * be read is the caller's mistake (BAD_REQUEST, with the reason).
 */
function parseInput(method: "GET" | "POST", rawInput: string | null): unknown {
  if (method === "GET" && !rawInput) return undefined;
  try {
    const parsed: unknown = JSON.parse(rawInput ?? "");
    if (parsed === undefined) return undefined;
    return appRouter._def._config.transformer.input.deserialize(parsed);
  } catch (cause) {
    if (cause instanceof TRPCError) throw cause;
    const message = cause instanceof Error ? cause.message : "Invalid input";
    throw new TRPCError({ code: "BAD_REQUEST", message, cause });
  }
}
