import "server-only";
import { publishStats } from "../api-deps";
import { checkDatabase, type DatabaseHealth } from "./database";
import { checkRealtime, type RealtimeHealth } from "./realtime";

export interface HealthReport {
  /** Answering at all means the app is up. */
  app: "up";
  database: DatabaseHealth;
  realtime: RealtimeHealth & {
    /** Changes published since start; failures were logged and subscribers catch up. */
    publishing: { published: number; failed: number };
  };
}

export async function checkHealth(): Promise<HealthReport> {
  const [database, realtime] = await Promise.all([checkDatabase(), checkRealtime()]);
  const publishing = publishStats() ?? { published: 0, failed: 0 };
  return { app: "up", database, realtime: { ...realtime, publishing } };
}
