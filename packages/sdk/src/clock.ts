/**
 * Time as the SDK sees it: token expiry, backoff and the typing throttle read it here, so
 * tests can move it instead of waiting.
 */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
