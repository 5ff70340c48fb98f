import pLimit, { type LimitFunction } from "p-limit";
import { DomainError } from "./errors";

export interface HashSlotOptions {
  /** Hashes computed at once. Each scrypt holds 128 MiB and a libuv thread while it runs. */
  concurrent?: number;
  /** Hashes that may wait for a slot; past that a request is refused with a retry hint. */
  waiting?: number;
}

/**
 * Bounds the password hashes (sign-in and sign-up) under way in this process, so that a flood
 * of attempts waits briefly or is refused instead of exhausting memory and starving the libuv
 * threads that file and DNS work share with scrypt.
 */
export class HashSlots {
  readonly concurrent: number;
  readonly waiting: number;
  private readonly limit: LimitFunction;

  constructor({ concurrent = 2, waiting = 16 }: HashSlotOptions = {}) {
    this.concurrent = concurrent;
    this.waiting = waiting;
    this.limit = pLimit(concurrent);
  }

  /** Hashes running now; never more than `concurrent`. */
  get active(): number {
    return this.limit.activeCount;
  }

  /** Hashes waiting for a slot; never more than `waiting`. */
  get queued(): number {
    return this.limit.pendingCount;
  }

  /** Runs `hash` in a slot, waiting for one if need be, or refuses when the queue is full. */
  run<T>(hash: () => Promise<T>): Promise<T> {
    if (this.limit.activeCount + this.limit.pendingCount >= this.concurrent + this.waiting) {
      // About the time the queue ahead takes to drain at a few hundred ms per hash.
      const retryAfterMs = 1000;
      return Promise.reject(
        new DomainError(
          "RATE_LIMITED",
          "The server is checking too many passwords at once. Try again in 1 s.",
          { retryAfterMs },
        ),
      );
    }
    return this.limit(hash);
  }
}
