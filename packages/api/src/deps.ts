import type { PrismaClient } from "@spool/db";
import type { ChangeSink } from "./changes/thread-change";
import type { RateLimits } from "./rate-limits";

/** What every service function receives first: the process's shared parts. */
export interface ServiceDeps {
  db: PrismaClient;
  changes: ChangeSink;
  limits: RateLimits;
}
