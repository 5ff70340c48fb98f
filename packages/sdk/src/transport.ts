import type { AppRouter } from "@spool/api";
import { createTRPCClient, httpLink, type TRPCClient } from "@trpc/client";
import superjson from "superjson";
import type { Clock } from "./clock";
import { SpoolError, toSpoolError } from "./errors";
import type { RetryOptions } from "./retry-options";

export type Api = TRPCClient<AppRouter>;

export interface TransportOptions {
  url: string;
  /** The Authorization header for the next request. */
  authorization(): Promise<string>;
  /** After a 401: get new credentials; false when there are none to get. */
  refreshAuthorization?(): Promise<boolean>;
  clock: Clock;
  retry?: RetryOptions;
  fetch?: typeof fetch;
}

/**
 * The API over HTTP, as the server speaks it (tRPC, superjson), with one rule for failures:
 * a 401 gets one more try with fresh credentials; a call that is safe to repeat (`idempotent`)
 * is retried after a rate limit (when the server says), a network failure or a 5xx, with
 * backoff; anything else is thrown as a SpoolError at once.
 */
export class Transport {
  readonly api: Api;
  private readonly attempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;

  constructor(private readonly options: TransportOptions) {
    const { url, authorization, retry = {} } = options;
    this.attempts = retry.attempts ?? 5;
    this.baseDelayMs = retry.baseDelayMs ?? 250;
    this.maxDelayMs = retry.maxDelayMs ?? 8_000;
    this.api = createTRPCClient<AppRouter>({
      links: [
        httpLink({
          url: new URL("/api/trpc", url).href,
          transformer: superjson,
          headers: async () => ({ authorization: await authorization() }),
          fetch: answersFromTheApi(options.fetch ?? fetch),
        }),
      ],
    });
  }

  async call<T>(
    run: (api: Api) => Promise<T>,
    { idempotent }: { idempotent: boolean },
  ): Promise<T> {
    let refreshed = false;
    for (let attempt = 1; ; attempt++) {
      let failure: SpoolError;
      try {
        return await run(this.api);
      } catch (error) {
        failure = toSpoolError(error);
      }
      if (failure.status === 401 && !refreshed && (await this.options.refreshAuthorization?.())) {
        refreshed = true;
        attempt--; // the server refused the credentials, not the call
        continue;
      }
      const retryable = failure.code === "RATE_LIMITED" || failure.transient;
      if (!idempotent || !retryable || attempt >= this.attempts) throw failure;
      await this.options.clock.sleep(failure.retryAfterMs ?? this.backoff(attempt));
    }
  }

  /** Exponential, with up to half taken off at random so clients do not retry in step. */
  private backoff(attempt: number): number {
    const delay = Math.min(this.baseDelayMs * 2 ** (attempt - 1), this.maxDelayMs);
    return delay * (1 - Math.random() / 2);
  }
}

/**
 * tRPC reads every answer as JSON; one that is not (a proxy's 502 page, a load balancer's 503)
 * would fail as a parse error with its status lost. Such answers fail here, with the status.
 */
function answersFromTheApi(fetchImpl: typeof fetch): typeof fetch {
  return async (input, init) => {
    const response = await fetchImpl(input, init);
    if (response.headers.get("content-type")?.includes("json")) return response;
    await response.body?.cancel();
    throw new SpoolError({
      code: "HTTP_ERROR",
      status: response.status,
      message: `Spool answered ${response.status} ${response.statusText} without the API's answer`,
    });
  };
}
