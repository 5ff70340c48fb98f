import type Pusher from "pusher";

// Pusher's limits: 10 events in one batch call, 100 channels in one trigger call.
const EVENTS_PER_BATCH = 10;
const CHANNELS_PER_TRIGGER = 100;
// An event for more channels than this costs fewer calls through `trigger`, one call for all.
const MAX_CHANNELS_TO_BATCH = 3;

export interface OutgoingEvent {
  event: string;
  channels: string[];
  /** JSON, exactly as subscribers receive it. */
  data: string;
  /** The sender's own connection, left out. */
  socketId?: string;
}

interface Queued {
  item: Pusher.BatchEvent;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Sends events to Pusher in as few HTTP calls as it allows. Events for a few channels that
 * are handed over in the same turn of the event loop (the messages of one batched send, say)
 * leave together through `triggerBatch`; an event for many channels goes through `trigger`,
 * which names them all in one call. Each call costs the app and the realtime server far more
 * than one more event in it does.
 */
export class TriggerBatcher {
  private queued: Queued[] = [];

  constructor(private readonly pusher: Pusher) {}

  /** Resolves once every channel's event has been accepted; rejects if any call failed. */
  async send({ event, channels, data, socketId }: OutgoingEvent): Promise<void> {
    if (channels.length > MAX_CHANNELS_TO_BATCH) {
      for (let start = 0; start < channels.length; start += CHANNELS_PER_TRIGGER) {
        const batch = channels.slice(start, start + CHANNELS_PER_TRIGGER);
        await this.pusher.trigger(batch, event, data, socketId ? { socket_id: socketId } : {});
      }
      return;
    }
    const sent = channels.map(
      (channel) =>
        new Promise<void>((resolve, reject) => {
          const item = { channel, name: event, data, ...(socketId && { socket_id: socketId }) };
          if (this.queued.push({ item, resolve, reject }) === 1) setImmediate(() => this.flush());
        }),
    );
    await Promise.all(sent);
  }

  private flush(): void {
    const queued = this.queued;
    this.queued = [];
    for (let start = 0; start < queued.length; start += EVENTS_PER_BATCH) {
      const batch = queued.slice(start, start + EVENTS_PER_BATCH);
      this.pusher.triggerBatch(batch.map(({ item }) => item)).then(
        () => batch.forEach(({ resolve }) => resolve()),
        (error: unknown) => batch.forEach(({ reject }) => reject(error)),
      );
    }
  }
}
