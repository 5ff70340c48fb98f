// When each event reached each listener, by event id, measured from when it was sent.
import { now, sleep } from "./timing";

export class Deliveries {
  private readonly sentAt = new Map<string, number>();
  private readonly arrivals = new Map<string, number[]>();

  /** Marks the moment before `id` is sent. Arrivals may come before the sender learns the id. */
  sent(id: string, at: number) {
    this.sentAt.set(id, at);
  }

  arrived(id: string) {
    const list = this.arrivals.get(id);
    if (list) list.push(now());
    else this.arrivals.set(id, [now()]);
  }

  count(id: string): number {
    return this.arrivals.get(id)?.length ?? 0;
  }

  /** Waits until `id` reached `expected` listeners or `timeoutMs` passed. */
  async settle(id: string, expected: number, timeoutMs: number) {
    const deadline = now() + timeoutMs;
    while (this.count(id) < expected && now() < deadline) await sleep(1);
  }

  /** Every delivery's latency in ms, of the events marked sent. */
  latencies(): number[] {
    const all: number[] = [];
    for (const [id, at] of this.sentAt) {
      for (const arrival of this.arrivals.get(id) ?? []) all.push(arrival - at);
    }
    return all;
  }

  /** Deliveries missing: each sent event was owed to `expected` listeners. */
  missing(expected: (id: string) => number): number {
    let missing = 0;
    for (const id of this.sentAt.keys()) missing += Math.max(0, expected(id) - this.count(id));
    return missing;
  }
}
