import { exitOnStartUpFailure } from "./start-up-failure";

// Once per process: Spool's own server starts up before Next.js, whose instrumentation
// (bundled apart, so sharing only globalThis) asks again.
const processWide = globalThis as { spoolStartUp?: Promise<void> };

/**
 * Opens the database (migrating and seeding the embedded one as configured), sees to the
 * access key, starts the embedded realtime server when no Pusher app is configured (from
 * `realtimeEntry`, its process's built entry, when there is one), and says where the app is
 * served. Any failure here ends the process: a server without its database or with a bad
 * variable should not pretend to be up.
 */
export function startUp(appUrl: string | undefined, realtimeEntry?: string): Promise<void> {
  processWide.spoolStartUp ??= run(appUrl, realtimeEntry);
  return processWide.spoolStartUp;
}

async function run(appUrl: string | undefined, realtimeEntry: string | undefined): Promise<void> {
  try {
    // Imported inside the try: a bad variable throws EnvError while @spool/env loads.
    const { startDatabase } = await import("@spool/db");
    const { ensureSecrets } = await import("./secrets");
    const { startEmbeddedRealtime } = await import("./embedded-realtime");
    // Side by side: neither needs the other, and each takes a while (PGlite's start, a process).
    // If the database fails, the realtime process ends with this one.
    const [database, realtimeUrl] = await Promise.all([
      startDatabase(),
      startEmbeddedRealtime(realtimeEntry),
    ]);
    await ensureSecrets();
    const engine = database.kind === "pglite" ? "embedded PGlite" : "PostgreSQL";
    const realtime = realtimeUrl ? `embedded at ${realtimeUrl}` : "Pusher";
    console.log(
      `Spool is up at ${appUrl ?? "the address above"} (database: ${engine}; realtime: ${realtime})`,
    );
  } catch (error) {
    exitOnStartUpFailure(error);
  }
}
