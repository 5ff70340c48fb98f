import type { AppRouter } from "@spool/api";
import { TRPCClientError } from "@trpc/client";

/** What the UI needs from a failed API call: the stable code to branch on, words for people. */
export interface ApiFailure {
  /** Spool's `spoolCode`, or "NETWORK" when the server was never reached. */
  code: string;
  message: string;
  retryAfterMs?: number;
}

const unreachable = "Couldn't reach Spool. Check your connection and try again.";

export function describeApiError(error: unknown): ApiFailure {
  if (error instanceof TRPCClientError) {
    const { data } = error as TRPCClientError<AppRouter>;
    // No data: the request failed before the server answered (offline, proxy, crash).
    if (!data) return { code: "NETWORK", message: unreachable };
    return { code: data.spoolCode, message: error.message, retryAfterMs: data.retryAfterMs };
  }
  return { code: "NETWORK", message: unreachable };
}

/** The API says this thread does not exist for the caller (or the id is not even an id). */
export function isThreadGone(error: unknown): boolean {
  const { code } = describeApiError(error);
  return code === "THREAD_NOT_FOUND" || code === "INVALID_INPUT";
}
