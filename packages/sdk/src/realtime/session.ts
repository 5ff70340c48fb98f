import { pusherOptions, reconnectPromptly } from "@spool/realtime/client";
import {
  parseEvent,
  realtimeConfigPath,
  realtimeDiscoverySchema,
  userChannel,
} from "@spool/realtime/contract";
import Pusher from "pusher-js";
import type { Emitter, ClientEvents } from "../events";
import { toSpoolError } from "../errors";
import type { TokenSource } from "../token-source";
import type { Transport } from "../transport";
import type { NamedEvent } from "./catch-up-events";
import { channelAuthorizer } from "./channel-auth";
import { ThreadFeed, type FeedHost } from "./thread-feed";

export interface SessionOptions {
  url: string;
  userId: string;
  transport: Transport;
  tokens: TokenSource;
  emitter: Emitter<ClientEvents>;
  fetch?: typeof fetch;
}

/**
 * One pusher-js connection for one user, and every thread they are in: it follows the user's
 * own channel, so that a thread they are added to is followed at once and one they are
 * removed from is dropped, and keeps one ThreadFeed per thread. After a reconnect it lists the
 * threads again (some may have come or gone meanwhile) and every feed catches up.
 */
export class RealtimeSession {
  private pusher: Pusher | null = null;
  private readonly feeds = new Map<string, ThreadFeed>();
  private stopReconnecting: () => void = () => {};
  private wasConnected = false;
  private connected = false;

  constructor(private readonly options: SessionOptions) {}

  /**
   * Resolves once connected and subscribed to the user's channel and every thread of theirs
   * (or refused, which the feed reports), so that nothing live-only is missed from then on.
   */
  async start(): Promise<void> {
    const { url, tokens, emitter } = this.options;
    const fetchImpl = this.options.fetch ?? fetch;
    const answer = await fetchImpl(new URL(realtimeConfigPath, url));
    if (!answer.ok) throw new Error(`${realtimeConfigPath} answered ${answer.status}`);
    const config = realtimeDiscoverySchema.parse(await answer.json());
    const { authEndpoint, ...options } = pusherOptions(config, url);
    const pusher = new Pusher(config.key, {
      ...options,
      channelAuthorization: { customHandler: channelAuthorizer(authEndpoint, tokens, fetchImpl) },
    });
    this.pusher = pusher;
    pusher.connection.bind("state_change", ({ current }: { current: string }) =>
      this.stateChanged(current),
    );
    emitter.emit("connecting", undefined);
    this.stopReconnecting = reconnectPromptly(pusher);
    await this.followUser(pusher);
    await this.syncThreads(false);
    await Promise.all([...this.feeds.values()].map((feed) => feed.subscribed));
  }

  stop(): void {
    this.stopReconnecting();
    for (const feed of [...this.feeds.values()]) feed.close();
    this.pusher?.disconnect();
    this.pusher = null;
  }

  private stateChanged(current: string): void {
    const { emitter } = this.options;
    if (current === "connected") {
      emitter.emit(this.wasConnected ? "reconnected" : "connected", undefined);
      if (this.wasConnected) {
        void this.syncThreads(true).catch((error: unknown) => this.error(error));
      }
      this.wasConnected = true;
      this.connected = true;
    } else if (this.connected) {
      // Once per drop, however many states pusher-js passes through on its way back.
      this.connected = false;
      emitter.emit("disconnected", undefined);
    }
  }

  /** Subscribes to the user's channel; resolves once subscribed. */
  private followUser(pusher: Pusher): Promise<void> {
    const channel = pusher.subscribe(userChannel(this.options.userId));
    channel.bind("thread.created", (raw: unknown) => {
      const data = parseEvent("thread.created", raw);
      if (this.feeds.has(data.threadId)) return;
      this.deliver({ name: "thread.created", data });
      this.add(data.threadId, data.thread.lastSequence, data.thread.channelEpoch);
    });
    // The user's removal and a thread's deletion come here too: a feed that lost its thread
    // before hearing why delivers them (one that heard already has ended and ignores them).
    for (const name of ["member.removed", "thread.deleted"] as const) {
      channel.bind(name, (raw: { threadId?: unknown }) => {
        this.feeds.get(String(raw.threadId))?.handle(name, raw);
      });
    }
    channel.bind("member.added", (raw: unknown) => {
      const data = parseEvent("member.added", raw);
      if (!data.userIds.includes(this.options.userId)) return;
      if (this.feeds.get(data.threadId)?.lost) this.feeds.get(data.threadId)!.close();
      if (this.feeds.has(data.threadId)) return;
      // Added to a thread that was going on: from the addition on, through its own feed.
      void this.addFromAnnouncement(data.threadId, data.sequence - 1);
    });
    return new Promise((resolve, reject) => {
      channel.bind("pusher:subscription_succeeded", () => resolve());
      channel.bind("pusher:subscription_error", (error: { status?: number }) =>
        reject(new Error(`the user's channel was refused (${error.status ?? "no status"})`)),
      );
    });
  }

  private async addFromAnnouncement(threadId: string, seen: number): Promise<void> {
    try {
      const thread = await this.options.transport.call(
        (api) => api.thread.get.query({ threadId }),
        { idempotent: true },
      );
      if (!this.feeds.has(threadId)) this.add(threadId, seen, thread.channelEpoch);
    } catch (error) {
      if (toSpoolError(error).code !== "THREAD_NOT_FOUND") this.error(error);
    }
  }

  /**
   * Follows every thread of the user's not followed yet; each catches up once subscribed.
   * After a reconnect, a thread the user was added to while away is announced first, as
   * `thread.created` would have announced it, and followed from now on.
   */
  private async syncThreads(announce: boolean): Promise<void> {
    let cursor: string | undefined;
    do {
      const page = await this.options.transport.call(
        (api) => api.thread.list.query({ limit: 100, cursor }),
        { idempotent: true },
      );
      for (const thread of page.items) {
        const feed = this.feeds.get(thread.id);
        if (feed) {
          feed.reconnected();
          continue;
        }
        if (announce) {
          const {
            unreadCount: _u,
            unreadHighPriorityCount: _h,
            lastMessage: _m,
            ...fields
          } = thread;
          const data = { threadId: thread.id, sequence: thread.lastSequence, thread: fields };
          this.deliver({ name: "thread.created", data });
        }
        this.add(thread.id, thread.lastSequence, thread.channelEpoch);
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  private add(threadId: string, seen: number, channelEpoch: number): void {
    if (!this.pusher) return;
    const host: FeedHost = {
      transport: this.options.transport,
      pusher: this.pusher,
      userId: this.options.userId,
      deliver: (event) => this.deliver(event),
      error: (error) => this.error(error),
      closed: (id) => this.feeds.delete(id),
    };
    this.feeds.set(threadId, new ThreadFeed(host, threadId, seen, channelEpoch));
  }

  private deliver(event: NamedEvent): void {
    (this.options.emitter.emit as (name: string, data: unknown) => void)(event.name, event.data);
  }

  private error(error: unknown): void {
    this.options.emitter.emit("error", toSpoolError(error));
  }
}
