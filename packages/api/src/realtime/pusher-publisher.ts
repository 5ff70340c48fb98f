import type Pusher from "pusher";
import type { ChangeOrigin, ChangeSink, ThreadChange } from "../changes/thread-change";
import { deliveriesFor } from "./deliveries";
import { TriggerBatcher } from "./trigger-batcher";

/**
 * Publishes committed changes with the `pusher` SDK, to hosted Pusher, Soketi or the embedded
 * server alike. A failed publish is logged and counted and never reaches the caller: Pusher
 * delivers at most once anyway, and subscribers catch up by sequence. It never reads the
 * database: every change says whom it goes to, so a publish never queues behind the database
 * (on embedded PGlite, a single connection busy with the next sends).
 */
export class PusherPublisher implements ChangeSink {
  readonly stats = { published: 0, failed: 0 };
  /** Per thread, the deliveries still going out: events of one thread leave in order. */
  private readonly queues = new Map<string, Promise<void>>();
  private readonly sender: TriggerBatcher;

  constructor(
    pusher: Pusher,
    private readonly log: Pick<Console, "error"> = console,
  ) {
    this.sender = new TriggerBatcher(pusher);
  }

  /**
   * Queues the change behind its thread's earlier ones. The promise settles once it has been
   * sent (or has failed) and never rejects: a host that must stay alive until then (a
   * serverless function) can wait for it, while services ignore it (`ChangeSink` is void).
   */
  publish(change: ThreadChange, origin: ChangeOrigin): Promise<void> {
    const key = change.type === "thread.created" ? change.thread.id : change.threadId;
    const previous = this.queues.get(key) ?? Promise.resolve();
    const next = previous.then(() => this.deliver(change, origin));
    this.queues.set(key, next);
    void next.finally(() => {
      if (this.queues.get(key) === next) this.queues.delete(key);
    });
    return next;
  }

  /** Resolves once everything published so far has been sent (or has failed). */
  async idle(): Promise<void> {
    while (this.queues.size > 0) await Promise.all(this.queues.values());
  }

  private async deliver(change: ThreadChange, origin: ChangeOrigin): Promise<void> {
    try {
      for (const delivery of deliveriesFor(change)) {
        await this.sender.send({ ...delivery, socketId: origin.socketId });
      }
      this.stats.published += 1;
    } catch (error) {
      this.stats.failed += 1;
      this.log.error(
        `Realtime: could not publish ${change.type}:`,
        error instanceof Error ? error.message : error,
      );
    }
  }
}
