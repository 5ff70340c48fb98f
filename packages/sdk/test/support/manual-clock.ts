import type { Clock } from "../../src";

/** A clock that moves only when told: `advance(ms)` wakes every sleeper due by then. */
export function manualClock(start = Date.now()) {
  let now = start;
  const sleepers: { at: number; wake: () => void }[] = [];
  const clock: Clock = {
    now: () => now,
    sleep: (ms) => new Promise((wake) => sleepers.push({ at: now + ms, wake })),
  };
  return {
    clock,
    advance(ms: number) {
      now += ms;
      for (const sleeper of sleepers.filter((s) => s.at <= now)) {
        sleepers.splice(sleepers.indexOf(sleeper), 1);
        sleeper.wake();
      }
    },
  };
}
