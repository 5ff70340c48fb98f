import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { defaultRatePolicies, RateLimits } from "../src/rate-limits";

const run = promisify(execFile);
const instance = fileURLToPath(new URL("./support/rate-limit-instance.ts", import.meta.url));
// A real Redis when one is named, as CI does (TEST_REDIS_URL=redis://127.0.0.1:6379).
const redisUrls = process.env.TEST_REDIS_URL ? [process.env.TEST_REDIS_URL] : [];

/** A port nothing listens on: the address of a Redis that is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("rate limits while Redis is unreachable", () => {
  it("count in the instance's memory, log the outage once, and never fail a request", async () => {
    const logged: string[] = [];
    const limits = new RateLimits({
      redisUrl: `redis://127.0.0.1:${await closedPort()}`,
      log: (line) => logged.push(line),
    });
    const { points } = defaultRatePolicies.sendMessage;
    for (let attempt = 0; attempt < points; attempt++) {
      await limits.consume("sendMessage", "user thread");
    }
    await expect(limits.consume("sendMessage", "user thread")).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
    await limits.close();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/^Redis for rate limits is unreachable .*counting in this process/);
  });
});

describe.each(redisUrls)("rate limits in Redis at %s", (redisUrl) => {
  const keyPrefix = `spool-test-${randomUUID()}`;

  afterAll(async () => {
    const redis = new Redis(redisUrl);
    const keys = await redis.keys(`${keyPrefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  async function instanceConsumes(count: number): Promise<string[]> {
    const { stdout } = await run(
      process.execPath,
      ["--import", "tsx", instance, redisUrl, keyPrefix, "alice thread-1", String(count)],
      { timeout: 60_000 },
    );
    return JSON.parse(stdout.trim().split("\n").at(-1)!) as string[];
  }

  it("are shared by two app instances: the second is refused once the first used them up", async () => {
    const { points } = defaultRatePolicies.sendMessage;
    expect(await instanceConsumes(points)).toEqual(Array(points).fill("allowed"));
    expect(await instanceConsumes(2)).toEqual(["RATE_LIMITED", "RATE_LIMITED"]);

    const redis = new Redis(redisUrl);
    expect(await redis.keys(`${keyPrefix}:*`)).toEqual([`${keyPrefix}:sendMessage:alice thread-1`]);
    await redis.quit();
  });
});
