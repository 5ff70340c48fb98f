import type { Clock } from "./clock";

/**
 * A token and when it expires, as `SpoolAdmin.issueToken` returns it, or as JSON carries that
 * (an ISO string) from your backend to a page.
 */
export interface AccessToken {
  token: string;
  expiresAt: Date | number | string;
}

/**
 * A fixed token, or a function the SDK calls for a fresh one: before the current one expires,
 * and once more when the server answers 401 (revoked, or a clock that is off).
 */
export type TokenProvider = string | (() => Promise<string | AccessToken>);

/** Refresh this long before expiry, so that no request leaves with a token about to lapse. */
const REFRESH_MARGIN_MS = 60_000;

/** The current token, fetched when missing or about to expire; concurrent callers share one fetch. */
export class TokenSource {
  private current: { token: string; expiresAt: number } | null = null;
  private fetching: Promise<string> | null = null;

  constructor(
    private readonly provider: TokenProvider,
    private readonly clock: Clock,
  ) {
    if (typeof provider === "string") this.current = { token: provider, expiresAt: Infinity };
  }

  /** Whether a 401 is worth another try with a new token. */
  get refreshable(): boolean {
    return typeof this.provider === "function";
  }

  async get(): Promise<string> {
    const fresh = this.current && this.clock.now() < this.current.expiresAt - REFRESH_MARGIN_MS;
    return fresh ? this.current!.token : this.refresh();
  }

  /** Asks the provider for a new token, whatever the current one's expiry. */
  refresh(): Promise<string> {
    const provider = this.provider;
    if (typeof provider === "string") return Promise.resolve(provider);
    this.fetching ??= provider()
      .then((answer) => {
        if (typeof answer === "string") {
          this.current = { token: answer, expiresAt: Infinity };
          return answer;
        }
        // An expiry that does not read as a time leaves the 401 to say when to refresh.
        const expiresAt = new Date(answer.expiresAt).getTime();
        this.current = {
          token: answer.token,
          expiresAt: Number.isNaN(expiresAt) ? Infinity : expiresAt,
        };
        return answer.token;
      })
      .finally(() => {
        this.fetching = null;
      });
    return this.fetching;
  }
}
