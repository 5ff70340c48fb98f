import "server-only";
import {
  AutoTranslatingPublisher,
  providerFromSettings,
  PusherPublisher,
  RateLimits,
  ratePolicies,
  TokenCache,
  Translator,
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
    const limits = new RateLimits({
      redisUrl: env.REDIS_URL,
      policies: ratePolicies(env.SPOOL_RATE_LIMITS, {
        userCharsPerHour: env.SPOOL_TRANSLATION_USER_CHARS_PER_HOUR,
        deploymentCharsPerHour: env.SPOOL_TRANSLATION_CHARS_PER_HOUR,
      }),
    });
    const translator = new Translator({
      provider: providerFromSettings(env),
      limits,
    });
    processWide.spoolApiParts = {
      publisher,
      // After a message, its translations for the thread's auto-translating readers follow it.
      changes: publishAfterResponse(
        new AutoTranslatingPublisher(publisher, { db: database.prisma, translator }),
      ),
      limits,
      tokens: new TokenCache(),
      translator,
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
