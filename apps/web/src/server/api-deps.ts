import "server-only";
import {
  PusherPublisher,
  RateLimits,
  ratePolicies,
  TokenCache,
  type ServiceDeps,
} from "@spool/api";
import { getDatabase } from "@spool/db";
import { env } from "@spool/env";
import { publishAfterResponse } from "./publish-after-response";
import { realtime } from "./realtime";

// One set per process, on globalThis because Next.js dev reloads modules: rate limits count
// across requests only if every request shares them.
const processWide = globalThis as {
  spoolApiParts?: Omit<ServiceDeps, "db" | "sql" | "storage"> & { publisher: PusherPublisher };
};

/**
 * What the API's services share: the process's database, rate limits and publisher, whose
 * publishes each keep their request alive until sent.
 */
export async function getApiDeps(): Promise<ServiceDeps> {
  const database = await getDatabase();
  if (!processWide.spoolApiParts) {
    const publisher = new PusherPublisher(realtime().pusher);
    processWide.spoolApiParts = {
      publisher,
      changes: publishAfterResponse(publisher),
      limits: new RateLimits({
        redisUrl: env.REDIS_URL,
        policies: ratePolicies(env.SPOOL_RATE_LIMITS),
      }),
      tokens: new TokenCache(),
    };
  }
  return {
    db: database.prisma,
    sql: database.sql,
    storage: database,
    ...processWide.spoolApiParts,
  };
}

/** How many changes this process has published, and how many failed to go out. */
export function publishStats(): PusherPublisher["stats"] | null {
  return processWide.spoolApiParts?.publisher.stats ?? null;
}
