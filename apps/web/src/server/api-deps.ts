import "server-only";
import {
  AutoTranslatingPublisher,
  providerFromSettings,
  PusherPublisher,
  RateLimits,
  ratePolicies,
  TokenCache,
  Translator,
  type ChangeSink,
  type ServiceDeps,
} from "@spool/api";
import { getDatabase } from "@spool/db";
import { env } from "@spool/env";
import { publishAfterResponse } from "./publish-after-response";
import { realtime } from "./realtime";

// One set per process, on globalThis because Next.js dev reloads modules: rate limits count
// across requests only if every request shares them.
const processWide = globalThis as {
  spoolApiParts?: Omit<ServiceDeps, "db" | "sql" | "storage" | "changes"> & {
    publisher: PusherPublisher;
    changesFor: Record<ApiHost, ChangeSink>;
  };
};

/**
 * Where a request is served. Under Next.js (`npm run dev`, Vercel) each publish keeps its
 * request alive until sent, with `after()`: a serverless function may otherwise be frozen as
 * soon as it has answered. Spool's own server (`npm start`) outlives every response, and has no
 * request scope for `after()` to find.
 */
export type ApiHost = "next" | "own-server";

/** What the API's services share: the process's database, rate limits and publisher. */
export async function getApiDeps(host: ApiHost = "next"): Promise<ServiceDeps> {
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
    // After a message, its translations for the thread's auto-translating readers follow it.
    const changes = new AutoTranslatingPublisher(publisher, { db: database.prisma, translator });
    processWide.spoolApiParts = {
      publisher,
      changesFor: { next: publishAfterResponse(changes), "own-server": changes },
      limits,
      tokens: new TokenCache(),
      translator,
    };
  }
  const { changesFor, ...parts } = processWide.spoolApiParts;
  return {
    db: database.prisma,
    sql: database.sql,
    storage: database,
    changes: changesFor[host],
    ...parts,
  };
}

/** How many changes this process has published, and how many failed to go out. */
export function publishStats(): PusherPublisher["stats"] | null {
  return processWide.spoolApiParts?.publisher.stats ?? null;
}
