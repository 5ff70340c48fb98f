import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";

export const now = () => performance.now();
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The machine's 1-minute load average, reported beside every run. */
export const load = () => loadavg()[0]!;

/** Polls `ready` until it is true, every `everyMs`. */
export async function until(ready: () => Promise<boolean>, timeoutMs: number, everyMs = 50) {
  const deadline = now() + timeoutMs;
  while (!(await ready())) {
    if (now() > deadline) throw new Error(`not ready within ${timeoutMs} ms`);
    await sleep(everyMs);
  }
}
