import type {
  AddedMembers,
  AddMembersOptions,
  EditOptions,
  Member,
  Message,
  MessagePage,
  ReadHorizon,
  ReadReceipt,
  Reaction,
  ReactionResult,
  SendOptions,
  Thread,
  ThreadExport,
  ThreadPreferences,
  Translation,
} from "./api-types";
import type { Clock } from "./clock";
import type { Emitter, ClientEvents, Handler, ThreadEventName, ThreadEvents } from "./events";
import { newClientMessageId } from "./client-message-id";
import { paged, type Paged } from "./paged";
import type { ThreadState } from "./state/thread-state";
import type { Transport } from "./transport";

/** Repeats of `typing()` within this long are dropped on the client, as ACS does. */
export const TYPING_INTERVAL_MS = 3_000;

export interface MessagesOptions {
  /** History before this sequence, newest first; unset with no `after`: from the latest. */
  before?: number;
  /** Every entry created or changed after this sequence, oldest change first. */
  after?: number;
  /** Entries per request (1-200). */
  pageSize?: number;
}

interface HandleDeps {
  transport: Transport;
  clock: Clock;
  emitter: Emitter<ClientEvents>;
  /** The client's one store per thread. */
  stateOf(handle: ThreadHandle): ThreadState;
}

/** One thread, by id: every call the user can make in it, and its events. */
export class ThreadHandle {
  private lastTyping = -Infinity;

  /** @internal made by `SpoolClient.thread(id)` */
  constructor(
    private readonly deps: HandleDeps,
    readonly id: string,
  ) {}

  private query<T>(run: (api: Transport["api"]) => Promise<T>) {
    return this.deps.transport.call(run, { idempotent: true });
  }

  private mutate<T>(run: (api: Transport["api"]) => Promise<T>, idempotent = false) {
    return this.deps.transport.call(run, { idempotent });
  }

  /**
   * The thread as a UI shows it (entries, pending sends, read horizons, who is typing), one
   * store per thread and client; `state.load()` fills it, realtime keeps it current.
   */
  get state(): ThreadState {
    return this.deps.stateOf(this);
  }

  get(): Promise<Thread> {
    return this.query((api) => api.thread.get.query({ threadId: this.id }));
  }

  /** Retitles the thread (recorded in its history); setting the same topic again changes nothing. */
  updateTopic(topic: string): Promise<Thread> {
    return this.mutate((api) => api.thread.updateTopic.mutate({ threadId: this.id, topic }), true);
  }

  /** Owners only: erases the thread and its history for everyone. */
  delete(): Promise<{ deleted: true }> {
    return this.mutate((api) => api.thread.delete.mutate({ threadId: this.id }));
  }

  /** The whole history the user can see, with the thread and its members. */
  export(): Promise<ThreadExport> {
    return this.query((api) => api.thread.export.query({ threadId: this.id }));
  }

  members(): Promise<Member[]> {
    return this.query((api) => api.member.list.query({ threadId: this.id }));
  }

  /** Adds users to a group; `shareHistoryTime` limits what history they see. */
  addMembers(
    userIds: string[],
    options: Omit<AddMembersOptions, "userIds"> = {},
  ): Promise<AddedMembers> {
    return this.mutate((api) => api.member.add.mutate({ threadId: this.id, userIds, ...options }));
  }

  /** Owners only: takes someone out of a group; they hear nothing more from it. */
  removeMember(userId: string): Promise<{ activity: Message | null }> {
    return this.mutate((api) => api.member.remove.mutate({ threadId: this.id, userId }));
  }

  leave(): Promise<{ activity: Message | null }> {
    return this.mutate((api) => api.member.leave.mutate({ threadId: this.id }));
  }

  /**
   * Sends a message exactly once: the SDK names it (clientMessageId) before the first try and
   * retries a lost answer, a 5xx or a rate limit with the same name, so the server stores it
   * once and every try answers with that one message.
   */
  send(message: string | SendOptions): Promise<Message> {
    const options = typeof message === "string" ? { content: message } : message;
    return this.sendAs(newClientMessageId(), options);
  }

  /** @internal a send under a name chosen before, so that a store can show it pending */
  sendAs(clientMessageId: string, options: SendOptions): Promise<Message> {
    return this.mutate(
      (api) => api.message.send.mutate({ threadId: this.id, clientMessageId, ...options }),
      true,
    );
  }

  /** One entry of the history. */
  message(messageId: string): Promise<Message> {
    return this.query((api) => api.message.get.query({ messageId }));
  }

  /** Edits the user's own message: new content, next `version`. */
  edit(messageId: string, edit: string | EditOptions): Promise<Message> {
    const options = typeof edit === "string" ? { content: edit } : edit;
    return this.mutate((api) => api.message.edit.mutate({ messageId, ...options }));
  }

  /** Deletes the user's own message: its content is erased, a tombstone keeps its place. */
  deleteMessage(messageId: string): Promise<Message> {
    return this.mutate((api) => api.message.delete.mutate({ messageId }));
  }

  /**
   * The history, fetched a page at a time as you iterate: backwards from the latest (or from
   * `before`), or forwards through every change after `after` (catching up by hand).
   */
  messages(options: MessagesOptions = {}): Paged<Message> {
    const { before, after, pageSize: limit = 50 } = options;
    if (after !== undefined) {
      return paged<Message, number>((cursor) => this.page({ limit, after: cursor ?? after }));
    }
    return paged<Message, number>(
      (cursor) => this.page({ limit, before: cursor ?? before }),
      (items) => [...items].reverse(),
    );
  }

  /** @internal one page of `message.list`, as the API answers */
  page(range: { limit: number; before?: number; after?: number }): Promise<MessagePage> {
    return this.query((api) => api.message.list.query({ threadId: this.id, ...range }));
  }

  /** Moves the user's read horizon forward to this entry (never backwards). */
  markRead(upTo: number | Pick<Message, "sequence">): Promise<ReadHorizon> {
    const sequence = typeof upTo === "number" ? upTo : upTo.sequence;
    return this.mutate((api) => api.receipt.markRead.mutate({ threadId: this.id, sequence }), true);
  }

  /** Every member's read horizon. */
  receipts(): Promise<ReadReceipt[]> {
    return this.query((api) => api.receipt.list.query({ threadId: this.id }));
  }

  /**
   * Tells the others the user is typing. Call it on every keystroke: repeats within a few
   * seconds are dropped here (false), so the server's limit is never reached.
   */
  async typing(): Promise<boolean> {
    const now = this.deps.clock.now();
    if (now - this.lastTyping < TYPING_INTERVAL_MS) return false;
    this.lastTyping = now;
    await this.mutate((api) => api.typing.notify.mutate({ threadId: this.id }));
    return true;
  }

  /** Adds the user's emoji to a message; safe to repeat. */
  react(messageId: string, emoji: string): Promise<ReactionResult> {
    return this.mutate((api) => api.reaction.add.mutate({ messageId, emoji }), true);
  }

  unreact(messageId: string, emoji: string): Promise<ReactionResult> {
    return this.mutate((api) => api.reaction.remove.mutate({ messageId, emoji }), true);
  }

  /**
   * The message in `to` (default: the user's preferred language), from the server's cache or
   * its translation provider; refused with `TRANSLATION_UNAVAILABLE` or
   * `TRANSLATION_LANGUAGE_UNSUPPORTED` when it cannot be made. The original stays as it is.
   */
  translate(messageId: string, to?: string): Promise<Translation> {
    return this.mutate((api) => api.translation.translate.mutate({ messageId, to }), true);
  }

  /** The user's own translation settings in this thread. */
  preferences(): Promise<ThreadPreferences> {
    return this.query((api) => api.member.preferences.query({ threadId: this.id }));
  }

  /** Translate this thread automatically or not; null follows the user's own setting. */
  setAutoTranslate(autoTranslate: boolean | null): Promise<ThreadPreferences> {
    return this.mutate(
      (api) => api.member.updatePreferences.mutate({ threadId: this.id, autoTranslate }),
      true,
    );
  }

  /** Each emoji on a message, with its count and whether the user used it. */
  reactions(messageId: string): Promise<Reaction[]> {
    return this.query((api) => api.reaction.list.query({ messageId }));
  }

  /** This thread's events (needs `client.connect()`); returns a function that stops them. */
  on<Name extends ThreadEventName>(name: Name, handler: Handler<ThreadEvents[Name]>): () => void {
    return this.deps.emitter.on(name, (data) => {
      if (data.threadId === this.id) handler(data);
    });
  }
}
