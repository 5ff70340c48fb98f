import { TRPCClientError } from "@trpc/client";

/** One bad field of an `INVALID_INPUT` refusal. */
export interface SpoolIssue {
  path: string;
  message: string;
}

/** What the API puts in a refusal's `data` (see the API's error formatter). */
interface ErrorData {
  spoolCode?: string;
  httpStatus?: number;
  issues?: SpoolIssue[];
  retryAfterMs?: number;
}

/**
 * Every failure the SDK reports. `code` is the API's stable `spoolCode` (`THREAD_NOT_FOUND`,
 * `RATE_LIMITED`, …) to branch on; `message` is for people. A request that got no answer has
 * `code` `NETWORK_ERROR` and `status` 0; an answer not from the API (a proxy's 502) has
 * `HTTP_ERROR`; a call the SDK could not even send has `CLIENT_ERROR`.
 */
export class SpoolError extends Error {
  override name = "SpoolError";
  readonly code: string;
  /** The HTTP status, or 0 when no answer arrived. */
  readonly status: number;
  /** Each bad field, with `INVALID_INPUT`. */
  readonly issues: SpoolIssue[];
  /** With `RATE_LIMITED`: how long to wait before trying again. */
  readonly retryAfterMs: number | null;

  constructor(
    fields: { code: string; status: number; message: string } & Partial<{
      issues: SpoolIssue[];
      retryAfterMs: number | null;
      cause: unknown;
    }>,
  ) {
    super(fields.message, { cause: fields.cause });
    this.code = fields.code;
    this.status = fields.status;
    this.issues = fields.issues ?? [];
    this.retryAfterMs = fields.retryAfterMs ?? null;
  }

  /** No answer, or the server failed: the same request may succeed later. */
  get transient(): boolean {
    return this.code === "NETWORK_ERROR" || this.status >= 500;
  }
}

/** Any failure of a call, as a SpoolError. */
export function toSpoolError(error: unknown): SpoolError {
  if (error instanceof SpoolError) return error;
  if (error instanceof TRPCClientError) {
    if (error.cause instanceof SpoolError) return error.cause;
    const data = (error as TRPCClientError<never>).data as ErrorData | undefined;
    if (data?.spoolCode) {
      return new SpoolError({
        code: data.spoolCode,
        status: data.httpStatus ?? 0,
        message: error.message,
        issues: data.issues,
        retryAfterMs: data.retryAfterMs,
        cause: error,
      });
    }
    // Not an answer from the API: something in between (a proxy's 502), the network (fetch
    // throws a TypeError), or a request that could not be built here.
    const response = (error.meta as { response?: { status?: number } } | undefined)?.response;
    const status = response?.status ?? 0;
    const unsent = error.cause instanceof TypeError ? "NETWORK_ERROR" : "CLIENT_ERROR";
    return new SpoolError({
      code: status === 0 ? unsent : "HTTP_ERROR",
      status,
      message: error.message,
      cause: error,
    });
  }
  return new SpoolError({
    code: "NETWORK_ERROR",
    status: 0,
    message: error instanceof Error ? error.message : String(error),
    cause: error,
  });
}
