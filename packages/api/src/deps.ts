import type { Database, PrismaClient } from "@spool/db";
import type { ChangeSink } from "./changes/thread-change";
import type { RateLimits } from "./rate-limits";

/** What every service function receives first: the process's shared parts. */
export interface ServiceDeps {
  db: PrismaClient;
  /** Whether the database can still be trusted (see `Database.problem`). */
  storage: Pick<Database, "problem">;
  changes: ChangeSink;
  limits: RateLimits;
}
