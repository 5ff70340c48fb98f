import { followThread, type PusherLike } from "@spool/realtime/client";
import { changeEvents, parseEvent, type EventName } from "@spool/realtime/contract";
import type { Message } from "../api-types";
import { toSpoolError } from "../errors";
import type { Transport } from "../transport";
import { eventForEntry, type NamedEvent } from "./catch-up-events";

export interface FeedHost {
  transport: Transport;
  pusher: PusherLike;
  userId: string;
  deliver(event: NamedEvent): void;
  error(error: Error): void;
  /** The feed has ended: the user left or was removed, or the thread was deleted. */
  closed(threadId: string): void;
}

const GONE = new Set(["THREAD_NOT_FOUND", "MESSAGE_NOT_FOUND"]);
const PAGE = 200;

/**
 * One thread's events, each delivered once and in sequence order although Pusher delivers at
 * most once. It remembers the last sequence it delivered; an event past the next one (a gap),
 * a resubscription or a reconnect makes it fetch everything after that sequence first. Work
 * runs one step at a time, so a catch-up finishes before any later event is delivered.
 */
export class ThreadFeed {
  private queue: Promise<void> = Promise.resolve();
  private stopFollowing: () => void = () => {};
  private epoch = 0;
  private ended = false;

  constructor(
    private readonly host: FeedHost,
    readonly threadId: string,
    /** Everything up to this sequence has been seen (or predates the subscriber). */
    private seen: number,
    channelEpoch: number,
  ) {
    this.follow(channelEpoch);
  }

  /** From pusher-js, through followThread: one event as received. */
  handle(name: EventName, raw: unknown): void {
    this.enqueue(() => this.process(name, raw));
  }

  /** Subscribed (again): fetch whatever happened meanwhile. */
  reconnected(): Promise<void> {
    this.enqueue(() => this.catchUp());
    return Promise.resolve();
  }

  close(): void {
    if (this.ended) return;
    this.ended = true;
    this.stopFollowing();
    this.host.closed(this.threadId);
  }

  private follow(epoch: number): void {
    this.stopFollowing();
    this.epoch = epoch;
    const { pusher, userId } = this.host;
    this.stopFollowing = followThread(
      pusher,
      { threadId: this.threadId, channelEpoch: epoch, userId },
      this,
    );
  }

  private enqueue(step: () => Promise<void>): void {
    this.queue = this.queue
      .then(() => (this.ended ? undefined : step()))
      .catch((error: unknown) => this.host.error(toSpoolError(error)));
  }

  private async process(name: EventName, raw: unknown): Promise<void> {
    const data = parseEvent(name, raw);
    if (data.threadId !== this.threadId) return;
    if (changeEvents.has(name)) {
      if (data.sequence <= this.seen) return; // delivered already, live or by catch-up
      if (data.sequence > this.seen + 1) await this.catchUp();
      if (this.ended || data.sequence <= this.seen) return;
    } else if (data.sequence > this.seen) {
      // A typing or receipt event from a thread that has moved on: the changes first.
      await this.catchUp();
      if (this.ended) return;
    }
    await this.deliver({ name, data } as NamedEvent);
    if (changeEvents.has(name)) this.seen = data.sequence;
    if (name === "member.removed") {
      const { userIds, channelEpoch } = parseEvent("member.removed", raw);
      // followThread moves to the new epoch itself, or stops when the user is the one removed.
      if (userIds.includes(this.host.userId)) this.close();
      else this.epoch = channelEpoch;
    }
    if (name === "thread.deleted") this.close();
  }

  /** Fetches every change after `seen`, delivering each as its event, in order. */
  private async catchUp(): Promise<void> {
    const knownUpTo = this.seen;
    const { transport } = this.host;
    let epoch: number | null | undefined;
    for (;;) {
      let page;
      try {
        page = await transport.call(
          (api) =>
            api.message.list.query({ threadId: this.threadId, after: this.seen, limit: PAGE }),
          { idempotent: true },
        );
      } catch (error) {
        // No longer a member (removed, or the thread deleted while away): nothing more to hear.
        if (GONE.has(toSpoolError(error).code)) return this.close();
        throw error;
      }
      for (const entry of page.items) {
        if (entry.changeSequence <= this.seen) continue;
        if (entry.type === "member_removed" && entry.sequence > knownUpTo) {
          epoch ??= await this.currentEpoch();
          if (epoch === null) return this.close();
        }
        this.host.deliver(eventForEntry(entry, knownUpTo, epoch ?? this.epoch));
        this.seen = entry.changeSequence;
      }
      if (page.nextCursor === null) {
        this.seen = Math.max(this.seen, page.threadSequence);
        break;
      }
    }
    // A removal of someone else while away moved the thread to channels of a new epoch.
    if (typeof epoch === "number" && epoch !== this.epoch) this.follow(epoch);
  }

  /** The thread's channel epoch now, or null when the user is no longer a member. */
  private async currentEpoch(): Promise<number | null> {
    try {
      const thread = await this.host.transport.call(
        (api) => api.thread.get.query({ threadId: this.threadId }),
        { idempotent: true },
      );
      return thread.channelEpoch;
    } catch (error) {
      if (GONE.has(toSpoolError(error).code)) return null;
      throw error;
    }
  }

  /** Delivers an event, fetching first a message too large to have come with it. */
  private async deliver(event: NamedEvent): Promise<void> {
    if ("message" in event.data && event.data.message === null) {
      const message = await this.fetchMessage(event.data.messageId);
      if (!message) return; // outside what this member may see
      (event.data as { message: Message }).message = message;
    }
    this.host.deliver(event);
  }

  private async fetchMessage(messageId: string): Promise<Message | null> {
    try {
      return await this.host.transport.call((api) => api.message.get.query({ messageId }), {
        idempotent: true,
      });
    } catch (error) {
      if (GONE.has(toSpoolError(error).code)) return null;
      throw error;
    }
  }
}
