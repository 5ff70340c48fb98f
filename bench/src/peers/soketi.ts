// Soketi 1.6.1, the peer of the embedded realtime server. Its package lives in peers/soketi,
// outside the workspace, and is installed the first time the bench needs it.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { benchRoot } from "../config";
import { type Child, start } from "../processes";
import { until } from "../timing";

const folder = join(benchRoot, "peers", "soketi");

export async function installSoketi(): Promise<void> {
  if (existsSync(join(folder, "node_modules", ".bin", "soketi"))) return;
  // --ignore-scripts: uWebSockets.js is aliased to a package that ships its Node 20 binary.
  const child = start("npm", ["ci", "--ignore-scripts", "--no-audit", "--no-fund"], {
    cwd: folder,
  });
  const code = await new Promise<number | null>((resolve) => child.process.on("exit", resolve));
  if (code !== 0) throw new Error("installing Soketi in bench/peers/soketi failed");
}

export async function startSoketi(
  port: number,
  app: { id: string; key: string; secret: string },
): Promise<Child> {
  const child = start(join(folder, "node_modules", ".bin", "soketi"), ["start"], {
    cwd: folder,
    env: {
      ...process.env,
      SOKETI_PORT: String(port),
      SOKETI_HOST: "127.0.0.1",
      SOKETI_DEFAULT_APP_ID: app.id,
      SOKETI_DEFAULT_APP_KEY: app.key,
      SOKETI_DEFAULT_APP_SECRET: app.secret,
      SOKETI_METRICS_ENABLED: "false",
      SOKETI_DEFAULT_APP_MAX_CONNECTIONS: "-1",
    },
  });
  await until(
    () =>
      fetch(`http://127.0.0.1:${port}/`)
        .then((response) => response.ok)
        .catch(() => false),
    60_000,
  );
  return child;
}
