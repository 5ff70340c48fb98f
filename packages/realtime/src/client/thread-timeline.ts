import { changeEvents, parseEvent, type EventData, type EventName } from "../contract/events";
import type { MessageEventData } from "../contract/message";

/** One page of `message.list({ threadId, after })`, as the API returns it. */
export interface CatchUpPage {
  items: MessageEventData[];
  nextCursor: number | null;
  threadSequence: number;
}

export interface TimelineOptions {
  /** The signed-in user, so that their own reactions show as theirs. */
  userId?: string;
  /** The sequence the caller has already seen everything up to (0: nothing yet). */
  startAfter?: number;
  /** `message.list({ threadId, after, limit })`: how the timeline catches up. */
  fetchAfter(after: number): Promise<CatchUpPage>;
  /** Called after every change to `entries()`. */
  onChange?(): void;
  /** A catch-up that failed; the timeline tries again on the next event or reconnect. */
  onError?(error: unknown): void;
}

/**
 * A thread's history as one client sees it, kept complete although Pusher delivers at most
 * once. It tracks the last sequence it has, applies events in order, and on a gap, a
 * reconnect or a message too large for an event, fetches everything after that sequence.
 * Entries are merged by id, newest change first, so nothing ever shows twice.
 */
export class ThreadTimeline {
  private readonly byId = new Map<string, MessageEventData>();
  private seen: number;
  private fetching: Promise<void> | null = null;
  private fetchAgain = false;

  constructor(private readonly options: TimelineOptions) {
    this.seen = options.startAfter ?? 0;
  }

  /** The thread's entries in history order. */
  entries(): MessageEventData[] {
    return [...this.byId.values()].sort((a, b) => a.sequence - b.sequence);
  }

  /** Everything up to this sequence is in `entries()`. */
  get lastSequence(): number {
    return this.seen;
  }

  /** Feeds one realtime event (data as received, before parsing). */
  handle(name: EventName, raw: unknown): void {
    const data = parseEvent(name, raw);
    if (!("sequence" in data) || data.sequence <= this.seen) return; // known already
    const isNextChange = changeEvents.has(name) && data.sequence === this.seen + 1;
    // Otherwise a gap, or a typing or receipt event from a thread that has moved on.
    if (!isNextChange || !this.apply(data)) {
      void this.catchUp();
      return;
    }
    this.seen = data.sequence;
    this.options.onChange?.();
  }

  /** Applies the next change from its event; false when the event alone is not enough. */
  private apply(data: EventData<EventName>): boolean {
    if ("message" in data) {
      if (!data.message) return false; // too large to carry: fetched instead
      this.merge([data.message]);
      return true;
    }
    if ("emoji" in data) {
      const entry = this.byId.get(data.messageId);
      if (!entry) return false;
      const known = entry.reactions.find((reaction) => reaction.emoji === data.emoji);
      const mine = this.options.userId === data.userId ? data.added : undefined;
      const updated = {
        emoji: data.emoji,
        count: data.count,
        reactedByMe: mine ?? known?.reactedByMe ?? false,
      };
      // In place, so that reactions keep the order they were first used in.
      const reactions = known
        ? entry.reactions.map((reaction) => (reaction === known ? updated : reaction))
        : [...entry.reactions, updated];
      this.byId.set(entry.id, {
        ...entry,
        reactions: reactions.filter((reaction) => reaction.count > 0),
        changeSequence: data.sequence,
      });
    }
    return true;
  }

  /** Older history, paged in by the caller: merged by id, leaving the sequence seen as it is. */
  addHistory(entries: MessageEventData[]): void {
    this.merge(entries);
    this.options.onChange?.();
  }

  /** After a reconnect or resubscribe: fetch whatever happened meanwhile. */
  reconnected(): Promise<void> {
    return this.catchUp();
  }

  /** Fetches every change after the last sequence; concurrent calls share one run. */
  catchUp(): Promise<void> {
    if (this.fetching) {
      this.fetchAgain = true;
      return this.fetching;
    }
    this.fetching = this.fetchAll()
      .catch((error: unknown) => this.options.onError?.(error))
      .finally(() => {
        this.fetching = null;
        if (this.fetchAgain) {
          this.fetchAgain = false;
          void this.catchUp();
        }
      });
    return this.fetching;
  }

  private async fetchAll(): Promise<void> {
    for (;;) {
      const page = await this.options.fetchAfter(this.seen);
      this.merge(page.items);
      const reached = page.items.at(-1)?.changeSequence ?? page.threadSequence;
      this.seen = Math.max(this.seen, page.nextCursor ?? Math.max(reached, page.threadSequence));
      this.options.onChange?.();
      if (page.nextCursor === null) return;
    }
  }

  private merge(entries: MessageEventData[]): void {
    for (const entry of entries) {
      const known = this.byId.get(entry.id);
      if (!known || known.changeSequence <= entry.changeSequence) this.byId.set(entry.id, entry);
    }
  }
}
