import { followThread, type ChannelRefusal, type PusherLike } from "@spool/realtime/client";
import { changeEvents, parseEvent, threadChannel, type EventName } from "@spool/realtime/contract";
import type { Message } from "../api-types";
import { SpoolError, toSpoolError } from "../errors";
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
 *
 * A feed ends with the event that ends the user's part (their removal, the thread's deletion).
 * When the API says the thread is gone before that event came (it happened while away, or
 * before the subscription was made), the feed is `lost`: it stops listening to the thread and
 * waits for that event from the user's own channel, which the session hands it.
 */
export class ThreadFeed {
  private queue: Promise<void> = Promise.resolve();
  private stopFollowing: () => void = () => {};
  private epoch = 0;
  private state: "open" | "lost" | "ended" = "open";
  private answered: () => void = () => {};
  /**
   * Settles once the realtime server has answered the thread's first subscription, either way,
   * or the feed has ended: from then on a live-only event (typing) of the thread is heard.
   */
  readonly subscribed = new Promise<void>((resolve) => (this.answered = resolve));

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
    this.answered();
    this.enqueue(() => this.catchUp());
    return Promise.resolve();
  }

  /**
   * The realtime server refused a channel of the thread's. Its authorization fails for a
   * thread the user has lost meanwhile, which ends as on any catch-up, and for an older
   * epoch's channel, which the catch-up replaces with the new one. Otherwise the app hears
   * that no live events will come for the thread (`REALTIME_REFUSED`).
   */
  refused({ channel, reason, status }: ChannelRefusal): void {
    this.answered();
    this.enqueue(async () => {
      await this.catchUp();
      if (this.state !== "open" || channel !== threadChannel(this.threadId, this.epoch)) return;
      const message = `No live events will come for thread ${this.threadId}: the realtime server refused its channel (${reason}).`;
      this.host.error(new SpoolError({ code: "REALTIME_REFUSED", status: status ?? 0, message }));
    });
  }

  /** The thread is gone and the event that says why has not come yet. */
  get lost(): boolean {
    return this.state === "lost";
  }

  close(): void {
    if (this.state === "ended") return;
    this.answered();
    this.state = "ended";
    this.stopFollowing();
    this.host.closed(this.threadId);
  }

  private lose(): void {
    this.answered();
    this.state = "lost";
    this.stopFollowing();
  }

  /** Ends the user's part: their removal or the thread's deletion. */
  private ends(name: EventName, raw: unknown): boolean {
    if (name === "thread.deleted") return true;
    return name === "member.removed" && parseEvent(name, raw).userIds.includes(this.host.userId);
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
      .then(() => (this.state === "ended" ? undefined : step()))
      .catch((error: unknown) => this.host.error(toSpoolError(error)));
  }

  private async process(name: EventName, raw: unknown): Promise<void> {
    const data = parseEvent(name, raw);
    if (data.threadId !== this.threadId || this.state === "ended") return;
    if (this.state === "lost") {
      if (!this.ends(name, raw)) return;
      await this.deliver({ name, data } as NamedEvent);
      return this.close();
    }
    if (changeEvents.has(name)) {
      if (data.sequence <= this.seen) return; // delivered already, live or by catch-up
      if (data.sequence > this.seen + 1) await this.catchUp();
      if (this.state !== "open" || data.sequence <= this.seen) return this.process(name, raw);
    } else if (data.sequence > this.seen && name !== "thread.deleted") {
      // A typing or receipt event from a thread that has moved on: the changes first. (A
      // deleted thread has nothing left to fetch: its deletion is the last word.)
      await this.catchUp();
      if (this.state !== "open") return this.process(name, raw);
    }
    await this.deliver({ name, data } as NamedEvent);
    if (changeEvents.has(name)) this.seen = data.sequence;
    if (this.ends(name, raw)) return this.close();
    // Someone else's removal: followThread has moved to the new epoch's channels.
    if (name === "member.removed") this.epoch = parseEvent(name, raw).channelEpoch;
  }

  /** Fetches every change after `seen`, delivering each as its event, in order. */
  private async catchUp(): Promise<void> {
    if (this.state !== "open") return;
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
        if (GONE.has(toSpoolError(error).code)) return this.lose();
        throw error;
      }
      for (const entry of page.items) {
        if (entry.changeSequence <= this.seen) continue;
        if (entry.type === "member_removed" && entry.sequence > knownUpTo) {
          epoch ??= await this.currentEpoch();
          if (epoch === null) return this.lose();
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
