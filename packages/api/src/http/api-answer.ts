import { getErrorShape, TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { DomainError, errorCodes, type ErrorCode } from "../errors";
import { appRouter } from "../root";

/** An answer of the API as plain data, which each of its HTTP front doors writes its own way. */
export interface ApiAnswer {
  status: number;
  headers: Record<string, string>;
  body: string | null;
}

/** Answers depend on who asks and change with every message: never cached anywhere. */
export const noStore = { "Cache-Control": "no-store" } as const;

export function toResponse({ status, headers, body }: ApiAnswer): Response {
  return new Response(body, { status, headers });
}

export function domainError(code: ErrorCode, message: string): TRPCError {
  return new TRPCError({ code: errorCodes[code], message, cause: new DomainError(code, message) });
}

/** A refusal in exactly the shape tRPC gives its own, through the router's error formatter. */
export function refusal(error: TRPCError, headers: Record<string, string> = {}): ApiAnswer {
  const config = appRouter._def._config;
  const shape = getErrorShape({
    config,
    error,
    type: "unknown",
    path: undefined,
    input: undefined,
    ctx: undefined,
  });
  return {
    status: getHTTPStatusCodeFromError(error),
    headers: { "Content-Type": "application/json", ...noStore, ...headers },
    body: JSON.stringify({ error: config.transformer.output.serialize(shape) }),
  };
}
