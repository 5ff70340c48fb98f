import { ThreadTimeline } from "@spool/realtime/client";
import { changeEvents } from "@spool/realtime/contract";
import type { Message, SendOptions } from "../api-types";
import type { Clock } from "../clock";
import { newClientMessageId } from "../client-message-id";
import { toSpoolError, type SpoolError } from "../errors";
import type { ClientEvents, Emitter, ThreadEventName } from "../events";
import type { ThreadHandle } from "../thread-handle";
import { Store } from "./store";

/** One of the user's own sends that the server has not confirmed yet. */
export interface PendingSend {
  clientMessageId: string;
  options: SendOptions;
  /** `sending` while the SDK tries (and retries); `failed` once it gave up: retry or discard. */
  status: "sending" | "failed";
  error: SpoolError | null;
}

export interface ThreadSnapshot {
  /** false until `load()` has brought the latest page. */
  loaded: boolean;
  /** History in order, with edits, deletions and reactions applied. */
  entries: readonly Message[];
  /** Whether `loadOlder()` has more to bring. */
  hasOlder: boolean;
  pending: readonly PendingSend[];
  /** Each member's last read sequence. */
  readHorizons: Readonly<Record<string, number>>;
  /** Who is typing now (each for a few seconds after their last notice). */
  typing: readonly { userId: string; name: string }[];
}

/** How long a typing notice shows: a little longer than the senders' throttle. */
export const TYPING_SHOWN_MS = 5_000;
const PAGE = 50;

export interface ThreadStateDeps {
  handle: ThreadHandle;
  emitter: Emitter<ClientEvents>;
  clock: Clock;
  userId(): Promise<string>;
}

/**
 * One thread as a UI shows it, kept current by the client's realtime events (call
 * `client.connect()`). The user's own sends show at once as pending, and leave that list when
 * their message arrives, whether by the send's answer or its event: both go through the same
 * merge as everyone else's changes.
 */
export class ThreadState extends Store<ThreadSnapshot> {
  private timeline: ThreadTimeline | null = null;
  private oldest: number | null = null;
  private loading: Promise<void> | null = null;
  private typingSeen = new Map<string, number>();

  /** @internal made by `thread.state` */
  constructor(private readonly deps: ThreadStateDeps) {
    super({
      loaded: false,
      entries: [],
      hasOlder: false,
      pending: [],
      readHorizons: {},
      typing: [],
    });
    const { emitter, handle } = deps;
    // The events that change history, applied as the timeline would apply them.
    for (const name of changeEvents as ReadonlySet<ThreadEventName>) {
      emitter.on(name, (data) => {
        if (data.threadId === handle.id) this.timeline?.handle(name, data);
      });
    }
    emitter.on("read-receipt", ({ threadId, userId, lastReadSequence }) => {
      if (threadId !== handle.id) return;
      const readHorizons = { ...this.getSnapshot().readHorizons, [userId]: lastReadSequence };
      this.update({ readHorizons });
    });
    emitter.on("typing", ({ threadId, userId, name }) => {
      if (threadId === handle.id) this.showTyping(userId, name);
    });
  }

  /** Brings the latest page and the read horizons; later calls share the first. */
  load(): Promise<void> {
    this.loading ??= this.loadLatest().catch((error: unknown) => {
      this.loading = null; // the next call tries again
      throw error;
    });
    return this.loading;
  }

  /** The page before the oldest entry shown. */
  async loadOlder(): Promise<void> {
    await this.load();
    if (this.oldest === null || !this.timeline) return;
    const { items, nextCursor } = await this.deps.handle.page({ before: this.oldest, limit: PAGE });
    this.oldest = items[0]?.sequence ?? null;
    this.update({ hasOlder: nextCursor !== null });
    this.timeline.addHistory(items);
  }

  /** Sends, showing the message as pending until it is confirmed. */
  send(message: string | SendOptions): Promise<Message | null> {
    const options = typeof message === "string" ? { content: message } : message;
    return this.attempt({
      clientMessageId: newClientMessageId(),
      options,
      status: "sending",
      error: null,
    });
  }

  /** Tries a failed send again, under the same name: it can never arrive twice. */
  retry(clientMessageId: string): Promise<Message | null> {
    const pending = this.getSnapshot().pending.find((p) => p.clientMessageId === clientMessageId);
    if (!pending) return Promise.resolve(null);
    return this.attempt({ ...pending, status: "sending", error: null });
  }

  /** Gives up on a failed send. */
  discard(clientMessageId: string): void {
    this.setPending(
      this.getSnapshot().pending.filter((p) => p.clientMessageId !== clientMessageId),
    );
  }

  private async attempt(pending: PendingSend): Promise<Message | null> {
    this.setPending([
      ...this.getSnapshot().pending.filter((p) => p.clientMessageId !== pending.clientMessageId),
      pending,
    ]);
    try {
      const message = await this.deps.handle.sendAs(pending.clientMessageId, pending.options);
      await this.load();
      this.timeline?.addHistory([message]);
      return message;
    } catch (error) {
      const failed = { ...pending, status: "failed" as const, error: toSpoolError(error) };
      this.setPending(
        this.getSnapshot().pending.map((p) =>
          p.clientMessageId === pending.clientMessageId ? failed : p,
        ),
      );
      return null;
    }
  }

  private async loadLatest(): Promise<void> {
    const { handle } = this.deps;
    const userId = await this.deps.userId();
    const [latest, receipts] = await Promise.all([handle.page({ limit: PAGE }), handle.receipts()]);
    // Changes after the page was read arrive as events; a gap makes the timeline fetch them.
    this.timeline = new ThreadTimeline({
      userId,
      startAfter: latest.threadSequence,
      fetchAfter: (after) => handle.page({ after, limit: 200 }),
      onChange: () => this.showEntries(),
    });
    const { items } = latest;
    this.oldest = items[0]?.sequence ?? null;
    this.update({
      loaded: true,
      hasOlder: latest.nextCursor !== null,
      readHorizons: Object.fromEntries(receipts.map((r) => [r.userId, r.lastReadSequence])),
    });
    this.timeline.addHistory(items);
  }

  private showEntries(): void {
    const entries = this.timeline!.entries();
    const confirmed = new Set(entries.map((entry) => entry.clientMessageId));
    const pending = this.getSnapshot().pending.filter((p) => !confirmed.has(p.clientMessageId));
    this.update({ entries, pending });
  }

  private setPending(pending: PendingSend[]): void {
    this.update({ pending });
  }

  private showTyping(userId: string, name: string): void {
    const until = this.deps.clock.now() + TYPING_SHOWN_MS;
    this.typingSeen.set(userId, until);
    const others = this.getSnapshot().typing.filter((t) => t.userId !== userId);
    this.update({ typing: [...others, { userId, name }] });
    void this.deps.clock.sleep(TYPING_SHOWN_MS).then(() => {
      if (this.typingSeen.get(userId) !== until) return; // typed again since
      this.typingSeen.delete(userId);
      this.update({ typing: this.getSnapshot().typing.filter((t) => t.userId !== userId) });
    });
  }
}
