// Sizes, ports and where things live. BENCH_QUICK=1: one run per row with small sizes, for a
// smoke run while developing; the numbers of a quick run are not worth comparing.
import { fileURLToPath } from "node:url";

export const quick = process.env.BENCH_QUICK === "1";

export const sizes = quick
  ? {
      runs: 1,
      subscribers: 20,
      sendsPerRun: 10,
      sustainedSeconds: 2,
      warmUpSeconds: 1,
      concurrency: 10,
      bigThread: 20_000,
      smallThread: 1_000,
      manyThreads: 100,
      fewThreads: 10,
      requestsPerRun: 10,
      broadcastSubscribers: 200,
      broadcastsPerRun: 5,
      loadClients: 40,
      loadThreads: 4,
      loadSeconds: 6,
      loadSendEverySeconds: 10,
    }
  : {
      runs: 3,
      subscribers: 100,
      sendsPerRun: 40,
      sustainedSeconds: 8,
      warmUpSeconds: 10,
      concurrency: 10,
      bigThread: 1_000_000,
      smallThread: 1_000,
      manyThreads: 1_000,
      fewThreads: 10,
      requestsPerRun: 40,
      broadcastSubscribers: 1_000,
      broadcastsPerRun: 20,
      loadClients: 200,
      loadThreads: 20,
      loadSeconds: 30,
      loadSendEverySeconds: 10,
    };

export type Sizes = typeof sizes;

/** The app (and its embedded realtime server) on these; every other server of the bench on 7510+. */
export const ports = {
  app: Number(process.env.BENCH_APP_PORT ?? 3510),
  realtime: Number(process.env.BENCH_REALTIME_PORT ?? 6510),
  floorWs: 7510,
  floorHttp: 7511,
  bareNode: 7520,
  spoolRealtime: 7530,
  soketi: 7540,
};

/** A PostgreSQL server the bench may create and drop its own databases on. */
export const postgresAdminUrl =
  process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export const benchRoot = fileURLToPath(new URL("../", import.meta.url));
export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/** How long a delivery may take before it counts as undelivered. */
export const deliveryDeadlineMs = 5_000;
