import "server-only";
import { PusherPublisher, RateLimits, type ServiceDeps } from "@spool/api";
import { getDatabase } from "@spool/db";
import { env } from "@spool/env";
import { realtime } from "./realtime";

// One set per process, on globalThis because Next.js dev reloads modules: rate limits count
// across requests only if every request shares them.
const processWide = globalThis as {
  spoolApiParts?: Omit<ServiceDeps, "db" | "storage"> & { changes: PusherPublisher };
};

/** What the API's services share: the process's database, publisher and rate limits. */
export async function getApiDeps(): Promise<ServiceDeps> {
  const database = await getDatabase();
  const db = database.prisma;
  processWide.spoolApiParts ??= {
    changes: new PusherPublisher(realtime().pusher, db),
    limits: new RateLimits({ redisUrl: env.REDIS_URL }),
  };
  return { db, storage: database, ...processWide.spoolApiParts };
}

/** How many changes this process has published, and how many failed to go out. */
export function publishStats(): PusherPublisher["stats"] | null {
  return processWide.spoolApiParts?.changes.stats ?? null;
}
