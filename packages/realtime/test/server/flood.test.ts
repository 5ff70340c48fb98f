import { fork } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { startRealtimeServerProcess } from "../../src/server";
import { APP, closeAll, onCleanup } from "./support/harness";

afterEach(closeAll);

const SOCKETS = 10;
const FRAMES_PER_SOCKET = 4_000;

/** A stand-in for the app: an HTTP endpoint in this process, as /api/health is in the app's. */
async function startApp(): Promise<string> {
  const app = createServer((_request, response) => response.end("up"));
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  onCleanup(() => new Promise((resolve) => app.close(resolve)));
  return `http://127.0.0.1:${(app.address() as AddressInfo).port}/`;
}

/** Runs support/flood.ts in another process; resolves with the refusals it got back. */
function floodFromAnotherProcess(port: number): Promise<number> {
  const script = fileURLToPath(new URL("./support/flood.ts", import.meta.url));
  const args = [String(port), APP.key, String(SOCKETS), String(FRAMES_PER_SOCKET)];
  const flood = fork(script, args, { execArgv: ["--import", "tsx"] });
  onCleanup(() => flood.kill());
  return new Promise((resolve, reject) => {
    flood.once("message", (message: { refusals: number }) => resolve(message.refusals));
    flood.once("exit", (code) => reject(new Error(`the flood ended (${code}) without a report`)));
  });
}

describe("a flood of invalid frames", () => {
  // In the app's process, this flood held its event loop for over 5 s. What is measured is how
  // busy this loop was, not how long anything took, so a loaded machine does not change it.
  it("is refused by the server process while the app's event loop stays free", async () => {
    const server = await startRealtimeServerProcess({ port: 0, apps: [APP] });
    onCleanup(() => server.close());
    expect(server.pid).not.toBe(process.pid);
    const health = await startApp();

    const utilisationBefore = performance.eventLoopUtilization();
    const flood = floodFromAnotherProcess(server.port);
    let flooding = true;
    let answers = 0;
    const probe = (async () => {
      while (flooding) {
        await (await fetch(health)).text();
        answers++;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();

    const refusals = await flood.finally(() => (flooding = false));
    await probe;
    const { utilization } = performance.eventLoopUtilization(utilisationBefore);

    expect(refusals).toBe(SOCKETS * FRAMES_PER_SOCKET);
    // The app answered while the flood ran.
    expect(answers).toBeGreaterThan(0);
    // The share of the flood's time this event loop was busy: parsing 40,000 frames here would
    // keep it close to 1.
    expect(utilization).toBeLessThan(0.5);
  }, 300_000);
});
