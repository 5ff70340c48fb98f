import { Redis } from "ioredis";

/**
 * A Redis client for shared counters that connects on its first command, and knows whether
 * Redis is reachable right now. An outage is logged when it starts and when it ends, not on
 * every reconnection attempt; meanwhile the client keeps reconnecting in the background.
 */
export class RedisConnection {
  readonly client: Redis;
  private down = false;

  constructor(url: string, log: (message: string) => void) {
    this.client = new Redis(url, {
      lazyConnect: true,
      // A command issued while Redis is away waits for one reconnection attempt at most.
      maxRetriesPerRequest: 1,
      retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
      connectTimeout: 1000,
      commandTimeout: 1000,
    });
    this.client.on("error", (error: Error) => {
      if (this.down) return;
      this.down = true;
      log(
        `Redis for rate limits is unreachable (${error.message}): counting in this process's ` +
          "memory until it is back.",
      );
    });
    this.client.on("ready", () => {
      if (this.down) log("Redis for rate limits is back: counting there again.");
      this.down = false;
    });
  }

  /** False from the first failure until a reconnection succeeds. */
  get available(): boolean {
    return !this.down;
  }

  async close(): Promise<void> {
    await this.client.quit().catch(() => this.client.disconnect());
  }
}
