// Spool as its README's production section runs it: `npm start` at the repository root (npm,
// turbo, then Spool's server of the last build), configured by environment variables only.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serverSchema } from "../../packages/env/src/schema";
import { ports, repoRoot } from "./config";
import { type Child, treeRssMiB, start } from "./processes";
import { now, until } from "./timing";

export interface AppServer {
  url: string;
  accessKey: string;
  /** From `npm start` to the first 200 of /api/health, in seconds. */
  coldStartSeconds: number;
  rssMiB(): number;
  stop(): Promise<void>;
}

/** Builds the web app (turbo replays a build it has made before from its cache). */
export async function build(): Promise<void> {
  const child = start("npm", ["run", "build"], { cwd: repoRoot, env: isolatedEnv({}) });
  const code = await new Promise<number | null>((resolve) => child.process.on("exit", resolve));
  if (code !== 0) throw new Error("npm run build failed: run it yourself to see why");
}

/** Every variable Spool reads blank (unset), so neither the shell nor a root `.env` leaks in. */
function isolatedEnv(values: Record<string, string>): NodeJS.ProcessEnv {
  const blank = Object.fromEntries(Object.keys(serverSchema).map((name) => [name, ""]));
  return {
    ...process.env,
    ...blank,
    NEXT_TELEMETRY_DISABLED: "1",
    TURBO_TELEMETRY_DISABLED: "1",
    ...values,
  };
}

/** Starts Spool on PostgreSQL (`databaseUrl`) or on a fresh embedded PGlite database. */
export async function startApp(options: { databaseUrl?: string }): Promise<AppServer> {
  const accessKey = randomBytes(32).toString("hex");
  const dataDir = mkdtempSync(join(tmpdir(), "spool-bench-"));
  const url = `http://127.0.0.1:${ports.app}`;
  const began = now();
  const child: Child = start("npm", ["start"], {
    cwd: repoRoot,
    env: isolatedEnv({
      PORT: String(ports.app),
      SPOOL_REALTIME_PORT: String(ports.realtime),
      SPOOL_DATA_DIR: dataDir,
      SPOOL_ACCESS_KEY: accessKey,
      SPOOL_RATE_LIMITS: "bench",
      NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
      NEXTAUTH_URL: url,
      ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    }),
  });
  const exited = new Promise<never>((_, reject) =>
    child.process.on("exit", () => reject(new Error("the app exited while starting"))),
  );
  await Promise.race([
    exited,
    until(
      () =>
        fetch(`${url}/api/health`)
          .then((response) => response.status === 200)
          .catch(() => false),
      180_000,
      25,
    ),
  ]);
  const coldStartSeconds = (now() - began) / 1000;
  exited.catch(() => {});
  return {
    url,
    accessKey,
    coldStartSeconds,
    rssMiB: () => treeRssMiB(child.process.pid!),
    async stop() {
      await child.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
