import "server-only";
import { getDatabase } from "@spool/db";
import { describeError } from "./describe-error";

export type DatabaseHealth =
  | { reachable: true; engine: "PostgreSQL" | "embedded PGlite"; roundTripMs: number }
  | { reachable: false; error: string };

// Long enough to open the embedded database on a cold start, short enough for a health probe.
const TIMEOUT_MS = 5_000;

/**
 * Times a `SELECT 1` round trip through Prisma, opening the database first if needed. A database
 * that answers but can no longer keep writes (its folder vanished) is not reachable either.
 */
export async function checkDatabase(timeoutMs = TIMEOUT_MS): Promise<DatabaseHealth> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([selectOne(), timeout]);
  } catch (error) {
    return { reachable: false, error: describeError(error) };
  } finally {
    clearTimeout(timer);
  }
}

async function selectOne(): Promise<DatabaseHealth> {
  const database = await getDatabase();
  const started = performance.now();
  await database.prisma.$queryRaw`SELECT 1`;
  const roundTripMs = Math.round((performance.now() - started) * 10) / 10;
  const problem = database.problem();
  if (problem) return { reachable: false, error: problem };
  const engine = database.kind === "postgres" ? "PostgreSQL" : "embedded PGlite";
  return { reachable: true, engine, roundTripMs };
}
