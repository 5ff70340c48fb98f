import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";

/**
 * Every way a request can be refused, with the HTTP-level code it maps to. The key is the
 * stable code the UI and SDK branch on (`error.data.spoolCode`); messages are for people.
 */
export const errorCodes = {
  INVALID_INPUT: "BAD_REQUEST",
  /** A request body or URL over `limits.bodyBytes` / `limits.urlBytes`. */
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  /** More than `limits.batchCalls` calls in one `?batch=1` request. */
  BATCH_TOO_LARGE: "BAD_REQUEST",
  UNAUTHENTICATED: "UNAUTHORIZED",
  TOKEN_INVALID: "UNAUTHORIZED",
  ACCESS_KEY_REQUIRED: "FORBIDDEN",
  SCOPE_REQUIRED: "FORBIDDEN",
  THREAD_NOT_FOUND: "NOT_FOUND",
  MESSAGE_NOT_FOUND: "NOT_FOUND",
  USER_NOT_FOUND: "NOT_FOUND",
  NOT_AUTHOR: "FORBIDDEN",
  CHANNEL_FORBIDDEN: "FORBIDDEN",
  NOT_OWNER: "FORBIDDEN",
  NOT_EDITABLE: "BAD_REQUEST",
  MESSAGE_DELETED: "CONFLICT",
  DIRECT_THREAD: "BAD_REQUEST",
  MEMBER_LIMIT: "BAD_REQUEST",
  ALREADY_MEMBER: "CONFLICT",
  NOT_A_MEMBER: "BAD_REQUEST",
  REACTION_LIMIT: "BAD_REQUEST",
  CONTENT_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  CONTENT_EMPTY: "BAD_REQUEST",
  METADATA_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  EXTERNAL_ID_TAKEN: "CONFLICT",
  USERNAME_TAKEN: "CONFLICT",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  /** No translation provider is configured, or the provider failed; the message says which. */
  TRANSLATION_UNAVAILABLE: "SERVICE_UNAVAILABLE",
  /** The provider does not translate into (or from) the language asked for. */
  TRANSLATION_LANGUAGE_UNSUPPORTED: "BAD_REQUEST",
  DATABASE_UNAVAILABLE: "SERVICE_UNAVAILABLE",
} as const satisfies Record<string, TRPC_ERROR_CODE_KEY>;

export type ErrorCode = keyof typeof errorCodes;

/** Thrown by services; one formatter turns it into the API's error shape. */
export class DomainError extends Error {
  override name = "DomainError";

  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra facts for the client, e.g. `{ retryAfterMs }`. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}
