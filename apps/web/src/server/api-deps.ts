import "server-only";
import { RateLimits, RecordingChangeSink, type ServiceDeps } from "@spool/api";
import { getDatabase } from "@spool/db";

// One set per process, on globalThis because Next.js dev reloads modules: rate limits count
// across requests only if every request shares them.
const processWide = globalThis as { spoolApiParts?: Omit<ServiceDeps, "db"> };

/** What the API's services share: the process's database, change sink and rate limits. */
export async function getApiDeps(): Promise<ServiceDeps> {
  processWide.spoolApiParts ??= {
    // Keeps changes in memory and delivers none; the realtime publisher replaces it.
    changes: new RecordingChangeSink(),
    limits: new RateLimits(),
  };
  return { db: (await getDatabase()).prisma, ...processWide.spoolApiParts };
}
