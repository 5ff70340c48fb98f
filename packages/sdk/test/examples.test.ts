import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SpoolClient } from "../src";
import { record } from "./support/recorder";
import { ACCESS_KEY } from "./support/spool-server";
import { useSpool } from "./support/use-spool";

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

const ctx = useSpool();
const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill();
});

/** Runs an example as its README says (tsx, from the repository), against the test's Spool. */
function example(path: string, extraEnv: Record<string, string> = {}) {
  const child = spawn(process.execPath, ["--import", "tsx", path], {
    cwd: repoRoot,
    env: { ...process.env, SPOOL_URL: ctx.spool.url, SPOOL_ACCESS_KEY: ACCESS_KEY, ...extraEnv },
  });
  children.push(child);
  let output = "";
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const lines = createInterface({ input: child.stdout });
  return {
    child,
    stderr: () => output,
    /** The first line of its output that matches. */
    line: (pattern: RegExp) =>
      new Promise<RegExpMatchArray>((resolve, reject) => {
        lines.on("line", (line) => {
          const match = pattern.exec(line);
          if (match) resolve(match);
        });
        child.on("exit", (code) => reject(new Error(`exited ${code}: ${output}`)));
      }),
    exit: () => new Promise<number | null>((resolve) => child.on("exit", resolve)),
  };
}

describe("examples", () => {
  it("backend.ts: access key → users → tokens → a thread, a message, and reading it", async () => {
    const run = example("examples/backend.ts");
    const read = run.line(/^ +#\d+ text The parcel left the warehouse this morning\.$/);
    expect(await run.exit()).toBe(0);
    await read;
    expect(run.stderr()).toBe("");
  });

  it("bot.ts answers in realtime in a thread it is added to", async () => {
    const run = example("examples/bot.ts");
    const [, botId] = await run.line(/^bot ready: (\S+)$/);
    const me = await ctx.users.user("Asker");
    const { id } = await me.client.createThread({ topic: "ask the bot", memberIds: [botId!] });
    const seen = record(me.client);
    await me.client.connect();
    await me.client.thread(id).send("ping");
    await seen.until(() => seen.created().includes("pong"), "the first answer");
    await me.client.thread(id).send("hello bot");
    await seen.until(() => seen.created().length === 4, "both answers");
    expect(seen.created()).toEqual(["ping", "pong", "hello bot", "You said: hello bot"]);
  });

  describe("browser/index.html", () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await chromium.launch({
        executablePath: chromiumPath,
        args: [
          "--no-sandbox",
          "--disable-gpu",
          "--disable-background-networking",
          "--no-first-run",
        ],
      });
    });
    afterAll(() => browser?.close());

    it("chats with a Node user through the SDK's browser build", async () => {
      const run = example("examples/browser/serve.ts", { PORT: "0" });
      const [, pageUrl] = await run.line(/^open (http:\S+)$/);
      // The page's peer, Grace, is the demo's user of that name: here, a Node client.
      const grace = await ctx.users.admin.createUser({
        name: "Grace",
        externalId: "browser-demo-grace",
      });
      const graceClient = new SpoolClient({
        url: ctx.spool.url,
        token: () => ctx.users.admin.issueToken(grace.id),
      });
      const seen = record(graceClient);

      const page = await browser.newPage();
      const problems: string[] = [];
      page.on("pageerror", (error) => problems.push(error.message));
      await page.goto(pageUrl!);
      await page.getByRole("button", { name: "Join" }).click();
      await page.locator("#status", { hasText: /^connected$/ }).waitFor();
      await graceClient.connect();

      await page.getByLabel("Message").fill("hello from the page");
      await page.getByLabel("Message").press("Enter");
      await seen.until(() => seen.created().includes("hello from the page"), "the page's message");

      const [threadId] = await threadIds(graceClient);
      await graceClient.thread(threadId!).send("hello from Node");
      await page.locator("#messages li", { hasText: "Grace: hello from Node" }).waitFor();
      expect(await page.locator("#messages li").allTextContents()).toEqual([
        "Ada: hello from the page",
        "Grace: hello from Node",
      ]);
      expect(problems).toEqual([]);
      graceClient.disconnect();
    });
  });
});

/** The ids of the client's threads, latest first. */
async function threadIds(client: SpoolClient): Promise<string[]> {
  const ids: string[] = [];
  for await (const thread of client.threads()) ids.push(thread.id);
  return ids;
}
