import type { Database, PrismaClient, SqlClient } from "@spool/db";
import type { ChangeSink } from "./changes/thread-change";
import type { RateLimits } from "./rate-limits";
import type { TokenCache } from "./services/identity/token-cache";
import type { Translator } from "./translation/translator";

/** What every service function receives first: the process's shared parts. */
export interface ServiceDeps {
  db: PrismaClient;
  /** The driver itself, past Prisma's engine: only for the hottest statements (a send). */
  sql: SqlClient;
  /** Whether the database can still be trusted (see `Database.problem`). */
  storage: Pick<Database, "problem">;
  changes: ChangeSink;
  limits: RateLimits;
  /** Bearer tokens this process has verified (what never changes about them). */
  tokens: TokenCache;
  /** Machine translation with its cache; its provider is null when translation is off. */
  translator: Translator;
}
