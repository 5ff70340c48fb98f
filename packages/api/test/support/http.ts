import type { AnyProcedure } from "@trpc/server";
import superjson from "superjson";
import { handleApiRequest } from "../../src/http/api-handler";
import { appRouter } from "../../src/root";
import type { useApi } from "./harness";

export const ACCESS_KEY = "http-test-access-key-0123456789abcdef";
const base = "http://localhost/api/trpc";

export interface As {
  /** The signed-in browser user, as next-auth's session would give it. */
  session?: string;
  authorization?: string;
}

/**
 * The production HTTP handler, the one the web route calls, over a test database: requests in,
 * responses out, exactly as on the wire.
 */
export function httpApi(api: ReturnType<typeof useApi>) {
  const handle = (request: Request, as: As = {}) =>
    handleApiRequest(request, {
      context: async () => ({
        deps: api.deps,
        accessKey: ACCESS_KEY,
        sessionUserId: async () => as.session ?? null,
      }),
    });
  const headers = (as: As): Record<string, string> =>
    as.authorization ? { authorization: as.authorization } : {};
  return {
    handle,
    /** GET with the input URL-encoded, as @trpc/client sends a query. */
    query: (path: string, input: unknown, as: As = {}) =>
      handle(
        new Request(`${base}/${path}?input=${encodeURIComponent(wire(input))}`, {
          headers: headers(as),
        }),
        as,
      ),
    /** POST with a JSON body, as @trpc/client sends a mutation. */
    mutation: (path: string, input: unknown, as: As = {}) =>
      handle(
        new Request(`${base}/${path}`, {
          method: "POST",
          headers: { "content-type": "application/json", ...headers(as) },
          body: wire(input),
        }),
        as,
      ),
    /** A query or a mutation, whichever the procedure is. */
    call(path: string, input: unknown, as: As = {}) {
      return procedureType(path) === "query"
        ? this.query(path, input, as)
        : this.mutation(path, input, as);
    },
    url: (path: string) => `${base}/${path}`,
  };
}

/** Every procedure of the router, e.g. "message.send", so that no new one can be missed. */
export const procedurePaths = Object.keys(appRouter._def.procedures);

export function procedureType(path: string): "query" | "mutation" {
  const procedure = (appRouter._def.procedures as unknown as Record<string, AnyProcedure>)[path];
  if (!procedure) throw new Error(`no procedure ${path}`);
  return procedure._def.type === "query" ? "query" : "mutation";
}

/** An input as superjson puts it on the wire; a string is sent as it is. */
export function wire(input: unknown): string {
  return typeof input === "string" ? input : JSON.stringify(superjson.serialize(input));
}

export interface WireError {
  status: number;
  spoolCode: string;
  message: string;
  issues?: { path: string; message: string }[];
}

/** The refusal in a response, as a client reads it; fails the test on a success. */
export async function refusal(response: Response): Promise<WireError> {
  const body = (await response.json()) as {
    error?: {
      json: { message: string; data: { spoolCode: string; issues?: WireError["issues"] } };
    };
  };
  if (!body.error) throw new Error(`expected a refusal, got ${response.status}`);
  const { message, data } = body.error.json;
  return { status: response.status, spoolCode: data.spoolCode, message, issues: data.issues };
}

/** The result of a successful call. */
export async function result<T = unknown>(response: Response): Promise<T> {
  const body = (await response.json()) as {
    result?: { data: Parameters<typeof superjson.deserialize>[0] };
  };
  if (!body.result)
    throw new Error(`expected a result, got ${response.status}: ${JSON.stringify(body)}`);
  return superjson.deserialize<T>(body.result.data);
}

/** A body that never ends, in 64 KiB chunks, and how many bytes were taken from it so far. */
export function endlessBody() {
  const chunkBytes = 64 * 1024;
  const chunk = new TextEncoder().encode(" ".repeat(chunkBytes));
  const body = {
    chunkBytes,
    sent: 0,
    stream: new ReadableStream<Uint8Array>({
      pull(controller) {
        body.sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    }),
  };
  return body;
}
