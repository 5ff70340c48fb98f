import { defineConfig, devices } from "@playwright/test";
import { isolatedAppEnv, nextAuthSecret } from "./fixtures/app-env";
import { chromiumPath } from "./scripts/ensure-chromium.mjs";

// Away from the ports engineers' dev servers use (3170-3189, 6170-6189).
const port = Number(process.env.SPOOL_E2E_PORT ?? 3400);
const realtimePort = Number(process.env.SPOOL_E2E_REALTIME_PORT ?? 6400);
const baseURL = `http://127.0.0.1:${port}`;

// The app as the README's production section runs it: `npm start` from the root, with the
// secrets in the environment and no `.env` (fixed test values: production never makes them up).
const appEnv = isolatedAppEnv({
  PORT: String(port),
  NEXTAUTH_URL: baseURL,
  NEXTAUTH_SECRET: nextAuthSecret,
  SPOOL_ACCESS_KEY: "e2e-access-key-not-for-production-use-0000",
  SPOOL_REALTIME_PORT: String(realtimePort),
  SPOOL_REALTIME_HOST: "127.0.0.1",
});

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
    command: "node scripts/serve.mjs",
    url: `${baseURL}/api/health`,
    env: appEnv,
    reuseExistingServer: false,
    timeout: 180_000,
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    stdout: "ignore",
    stderr: "pipe",
  },
});
