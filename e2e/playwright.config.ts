import { defineConfig, devices } from "@playwright/test";
import { chromiumPath } from "./scripts/ensure-chromium.mjs";

// Away from the ports engineers' dev servers use (3170-3189, 6170-6189).
const port = Number(process.env.SPOOL_E2E_PORT ?? 3400);
const realtimePort = Number(process.env.SPOOL_E2E_REALTIME_PORT ?? 6400);
const baseURL = `http://127.0.0.1:${port}`;

// Fixed test values: production refuses to make secrets up. Everything else that could point
// the app elsewhere (a developer's .env or shell) is blanked: empty means unset to @spool/env,
// and dotenv never overrides a variable that exists.
const appEnv: Record<string, string> = {
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  NEXT_MANUAL_SIG_HANDLE: "true", // as `npm start`: the app closes its database itself
  NEXTAUTH_URL: baseURL,
  NEXTAUTH_SECRET: "e2e-nextauth-secret-not-for-production-use",
  SPOOL_ACCESS_KEY: "e2e-access-key-not-for-production-use-0000",
  SPOOL_REALTIME_PORT: String(realtimePort),
  SPOOL_REALTIME_HOST: "127.0.0.1",
  ...Object.fromEntries(
    [
      "DATABASE_URL",
      "PUSHER_APP_ID",
      "PUSHER_KEY",
      "PUSHER_SECRET",
      "PUSHER_CLUSTER",
      "PUSHER_HOST",
      "PUSHER_PORT",
      "PUSHER_USE_TLS",
      "GITHUB_ID",
      "GITHUB_SECRET",
      "AZURE_AD_CLIENT_ID",
      "AZURE_AD_CLIENT_SECRET",
      "AZURE_AD_TENANT_ID",
    ].map((name) => [name, ""]),
  ),
};

export default defineConfig({
  testDir: "specs",
  outputDir: "test-results",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0, // a flaky test is a bug to fix, not to retry
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["./reporters/summary.ts"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: chromiumPath(),
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-dev-shm-usage",
          ],
        },
      },
    },
  ],
  webServer: {
    command: `node scripts/serve.mjs --hostname 127.0.0.1 --port ${port}`,
    url: `${baseURL}/api/health`,
    env: appEnv,
    reuseExistingServer: false,
    timeout: 180_000,
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    stdout: "ignore",
    stderr: "pipe",
  },
});
