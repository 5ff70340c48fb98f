import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { request as httpRequest, expect, test } from "@playwright/test";
import { serverSchema } from "../../packages/env/src/schema";
import { isolatedAppEnv } from "../fixtures/app-env";

// The README's commands, run as written from the repository root through npm and turbo.
// `npm start` is what every other spec runs against (playwright.config.ts); here `npm run dev`,
// and what turbo hands each command's task.

const root = fileURLToPath(new URL("../../", import.meta.url));

/** What a developer's checkout has at the root that a run must leave exactly as it was. */
function rootState() {
  const envFile = join(root, ".env");
  return {
    env: existsSync(envFile) ? readFileSync(envFile, "utf8") : null,
    data: existsSync(join(root, ".data")),
    status: spawnSync("git", ["status", "--porcelain"], { cwd: root, encoding: "utf8" }).stdout,
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test.describe.configure({ mode: "serial", timeout: 300_000 });

for (const script of ["dev", "build", "start"]) {
  test(`npm run ${script} hands the app's task every variable the env schema knows`, () => {
    // A value for every variable, as an operator would set them; turbo must pass each one on.
    const values = Object.fromEntries(Object.keys(serverSchema).map((name) => [name, `x-${name}`]));
    const dry = spawnSync("npm", ["run", "--silent", script, "--", "--dry=json"], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, ...values },
    });
    expect(dry.status, dry.stderr).toBe(0);
    const plan = JSON.parse(dry.stdout) as {
      tasks: {
        taskId: string;
        envMode: string;
        environmentVariables: { configured: string[] };
      }[];
    };
    const task = plan.tasks.find((candidate) => candidate.taskId === `@spool/web#${script}`)!;
    // Loose: the task's process gets the whole environment, whatever the schema adds later.
    expect(task.envMode).toBe("loose");
    if (script === "build") {
      // And a build made with other values is never replayed from the cache.
      const hashed = task.environmentVariables.configured.map((entry) => entry.split("=")[0]);
      expect(hashed).toEqual(expect.arrayContaining(Object.keys(serverSchema)));
    }
  });
}

test("npm run dev serves the seeded demo and signs alice in, with the secrets from the environment alone", async () => {
  const before = rootState();
  const [port, realtimePort] = [await freePort(), await freePort()];
  const dataDir = mkdtempSync(join(tmpdir(), "spool-dev-test-"));
  const env = isolatedAppEnv({
    PORT: String(port),
    SPOOL_REALTIME_PORT: String(realtimePort),
    SPOOL_DATA_DIR: dataDir,
    // Given, so the first run has nothing to generate into the root .env.
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    SPOOL_ACCESS_KEY: randomBytes(32).toString("base64url"),
  });
  const dev = spawn("npm", ["run", "dev"], {
    cwd: root,
    detached: true, // npm, turbo and next dev in a group of their own, stopped together
    env: { ...process.env, ...env },
  });
  let output = "";
  dev.stdout.on("data", (chunk) => (output += chunk));
  dev.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise((resolve) => dev.on("exit", resolve));
  try {
    await expect
      .poll(() => /Spool is up at (http:\/\/\S+)/.exec(output)?.[1], {
        message: "npm run dev prints where Spool is up",
        timeout: 240_000,
      })
      .toBeTruthy();
    const url = /Spool is up at (http:\/\/\S+)/.exec(output)![1]!;
    expect(url).toContain(`:${port}`);

    // Signing in as the README says, over HTTP, the way next-auth's own form does.
    const api = await httpRequest.newContext({ baseURL: url });
    const { csrfToken } = (await (
      await api.get("/api/auth/csrf", { timeout: 120_000 })
    ).json()) as {
      csrfToken: string;
    };
    const callback = await api.post("/api/auth/callback/credentials", {
      form: { username: "alice", password: "spool-demo", csrfToken, json: "true" },
      timeout: 120_000,
    });
    expect(callback.status(), await callback.text()).toBe(200);
    const session = await (await api.get("/api/auth/session")).json();
    expect(session).toMatchObject({ user: { name: expect.stringMatching(/alice/i) } });
    await api.dispose();

    expect(output).not.toMatch(/Generated (NEXTAUTH_SECRET|SPOOL_ACCESS_KEY)/);
  } finally {
    if (dev.exitCode === null) process.kill(-dev.pid!, "SIGINT");
    await exited;
    await groupGone(dev.pid!);
    rmSync(dataDir, { recursive: true, force: true });
  }
  expect(rootState()).toEqual(before);
});

/** Resolves once no process of the group is left. */
async function groupGone(pid: number): Promise<void> {
  await expect
    .poll(
      () => {
        try {
          process.kill(-pid, 0);
          return false;
        } catch {
          return true;
        }
      },
      { message: "npm run dev and everything it started stop", timeout: 30_000 },
    )
    .toBe(true);
}
