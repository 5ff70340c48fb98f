import type { Message, ThreadListItem } from "../api-types";
import type { ClientEvents, Emitter } from "../events";
import type { Paged } from "../paged";
import { Store } from "./store";

export interface ThreadListSnapshot {
  /** false until `load()` has brought the first page. */
  loaded: boolean;
  /** Latest activity first. */
  threads: readonly ThreadListItem[];
  /** Whether `loadMore()` has more to bring. */
  hasMore: boolean;
}

export interface ThreadListDeps {
  emitter: Emitter<ClientEvents>;
  pages(): Paged<ThreadListItem>;
  userId(): Promise<string>;
}

/** Messages that count as unread: from others, and not activities. */
const counts = (message: Message, userId: string) =>
  message.senderId !== userId && (message.type === "text" || message.type === "html");

/**
 * The user's threads as a UI lists them, kept current by the client's realtime events (call
 * `client.connect()`): new messages move a thread to the top with its last message and unread
 * count, new threads appear, threads the user left or lost disappear.
 */
export class ThreadList extends Store<ThreadListSnapshot> {
  private pages: AsyncIterator<ThreadListItem[]> | null = null;
  private userId = "";

  /** @internal made by `client.threadList` */
  constructor(private readonly deps: ThreadListDeps) {
    super({ loaded: false, threads: [], hasMore: true });
    const { emitter } = deps;
    emitter.on("message.created", ({ threadId, message }) =>
      this.change(threadId, (thread) => ({
        ...thread,
        lastMessage: message,
        lastActivityAt: message.createdAt,
        lastSequence: Math.max(thread.lastSequence, message.sequence),
        unreadCount: thread.unreadCount + (counts(message, this.userId) ? 1 : 0),
        unreadHighPriorityCount:
          thread.unreadHighPriorityCount +
          (counts(message, this.userId) && message.priority === "high" ? 1 : 0),
      })),
    );
    emitter.on("thread.updated", ({ threadId, topic }) =>
      this.change(threadId, (thread) => ({ ...thread, topic })),
    );
    emitter.on("read-receipt", ({ threadId, userId, lastReadSequence }) => {
      if (userId !== this.userId) return;
      // Read up to the last message: nothing left unread. Short of it the count stays as it
      // was until the next load, which counts exactly.
      this.change(threadId, (thread) =>
        lastReadSequence >= (thread.lastMessage?.sequence ?? 0)
          ? { ...thread, unreadCount: 0, unreadHighPriorityCount: 0 }
          : thread,
      );
    });
    emitter.on("thread.created", ({ thread }) => {
      if (this.getSnapshot().threads.some((known) => known.id === thread.id)) return;
      const item = { ...thread, unreadCount: 0, unreadHighPriorityCount: 0, lastMessage: null };
      this.update({ threads: sorted([item, ...this.getSnapshot().threads]) });
    });
    emitter.on("member.removed", ({ threadId, userIds }) => {
      if (userIds.includes(this.userId)) this.remove(threadId);
    });
    emitter.on("thread.deleted", ({ threadId }) => this.remove(threadId));
  }

  /** Brings the first page (again, from the start: exact unread counts). */
  async load(): Promise<void> {
    this.userId = await this.deps.userId();
    this.pages = this.deps.pages().byPage();
    this.update({ loaded: false, threads: [], hasMore: true });
    await this.loadMore();
    this.update({ loaded: true });
  }

  async loadMore(): Promise<void> {
    if (!this.pages) return this.load();
    const next = await this.pages.next();
    if (next.done) return this.update({ hasMore: false });
    const known = new Set(next.value.map((thread) => thread.id));
    const kept = this.getSnapshot().threads.filter((thread) => !known.has(thread.id));
    this.update({ threads: sorted([...kept, ...next.value]) });
  }

  private change(threadId: string, apply: (thread: ThreadListItem) => ThreadListItem): void {
    const threads = this.getSnapshot().threads;
    if (!threads.some((thread) => thread.id === threadId)) return;
    this.update({ threads: sorted(threads.map((t) => (t.id === threadId ? apply(t) : t))) });
  }

  private remove(threadId: string): void {
    this.update({ threads: this.getSnapshot().threads.filter((t) => t.id !== threadId) });
  }
}

function sorted(threads: ThreadListItem[]): ThreadListItem[] {
  return threads.sort((a, b) => b.lastActivityAt.getTime() - a.lastActivityAt.getTime());
}
