import type { CreateUserOptions, IssuedToken, IssueTokenOptions, SpoolUser } from "./api-types";
import { systemClock } from "./clock";
import type { RetryOptions } from "./retry-options";
import { Transport } from "./transport";

export interface SpoolAdminOptions {
  /** Where Spool is served, e.g. `https://chat.example.com`. */
  url: string;
  /** `SPOOL_ACCESS_KEY`: it manages every user, so it never leaves your backend. */
  accessKey: string;
  retry?: RetryOptions;
  fetch?: typeof fetch;
}

/**
 * For your app's backend: your users, and the tokens with which they chat. Refuses to run in
 * a browser, where the access key would be anyone's.
 */
export class SpoolAdmin {
  private readonly transport: Transport;

  constructor({ url, accessKey, retry, fetch }: SpoolAdminOptions) {
    if (typeof (globalThis as { document?: unknown }).document !== "undefined") {
      throw new Error(
        "SpoolAdmin holds the access key and runs only on a server; in a browser, use SpoolClient with a token from your backend.",
      );
    }
    this.transport = new Transport({
      url,
      authorization: async () => `AccessKey ${accessKey}`,
      clock: systemClock,
      retry,
      fetch,
    });
  }

  /** A user, by name; with an `externalId` (your own id), calling again returns the same user. */
  createUser(options: CreateUserOptions): Promise<SpoolUser> {
    return this.transport.call((api) => api.identity.createUser.mutate(options), {
      idempotent: options.externalId !== undefined,
    });
  }

  /** A token for the user (scope `chat` by default, 24 hours unless `expiresInMinutes`). */
  issueToken(userId: string, options: IssueTokenOptions = {}): Promise<IssuedToken> {
    return this.transport.call((api) => api.identity.issueToken.mutate({ userId, ...options }), {
      idempotent: false,
    });
  }

  /** Ends every token of the user at once: their next request gets 401. */
  revokeTokens(userId: string): Promise<{ revoked: number }> {
    return this.transport.call((api) => api.identity.revokeTokens.mutate({ userId }), {
      idempotent: true,
    });
  }
}
