import "server-only";
import { checkDatabase, type DatabaseHealth } from "./database";
import { checkRealtime, type RealtimeHealth } from "./realtime";

export interface HealthReport {
  /** Answering at all means the app is up. */
  app: "up";
  database: DatabaseHealth;
  realtime: RealtimeHealth;
}

export async function checkHealth(): Promise<HealthReport> {
  const [database, realtime] = await Promise.all([checkDatabase(), checkRealtime()]);
  return { app: "up", database, realtime };
}
