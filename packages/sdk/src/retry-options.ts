/** How calls that are safe to repeat are retried (see README: Errors and retries). */
export interface RetryOptions {
  /** Tries of a call that is safe to repeat, the first included (default 5). */
  attempts?: number;
  /** The first backoff (default 250 ms); doubled after each try, less a random part. */
  baseDelayMs?: number;
  /** The longest backoff (default 8 s). */
  maxDelayMs?: number;
}
