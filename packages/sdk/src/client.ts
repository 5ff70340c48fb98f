import type {
  CreateThreadOptions,
  Languages,
  Me,
  Preferences,
  PreferencesOptions,
  Thread,
  ThreadListItem,
} from "./api-types";
import { systemClock, type Clock } from "./clock";
import { Emitter, type ClientEvents, type Handler } from "./events";
import { paged, type Paged } from "./paged";
import { RealtimeSession } from "./realtime/session";
import { ThreadList } from "./state/thread-list";
import { ThreadState } from "./state/thread-state";
import { ThreadHandle } from "./thread-handle";
import { TokenSource, type TokenProvider } from "./token-source";
import type { RetryOptions } from "./retry-options";
import { Transport } from "./transport";

export interface SpoolClientOptions {
  /** Where Spool is served, e.g. `https://chat.example.com`. */
  url: string;
  /**
   * The user's token from your backend (`SpoolAdmin.issueToken`), or a function that fetches
   * one: called before the current one expires and once more after a 401.
   */
  token: TokenProvider;
  /** Tries and backoff for calls that are safe to repeat. */
  retry?: RetryOptions;
  /** For tests: the time that token expiry, backoff and the typing throttle read. */
  clock?: Clock;
  fetch?: typeof fetch;
}

export interface ThreadsOptions {
  /** Only threads whose topic contains this text, case-insensitively. */
  topic?: string;
  /** Threads per request (1-100). */
  pageSize?: number;
}

/**
 * One user of Spool, in the browser or in Node: their threads, and realtime events from all of
 * them once `connect()`ed. One client per user.
 */
export class SpoolClient {
  private readonly transport: Transport;
  private readonly tokens: TokenSource;
  private readonly clock: Clock;
  private readonly emitter = new Emitter<ClientEvents>();
  private session: RealtimeSession | null = null;
  private readonly states = new Map<string, ThreadState>();
  private list: ThreadList | null = null;
  private self: Promise<Me> | null = null;

  constructor(private readonly options: SpoolClientOptions) {
    this.clock = options.clock ?? systemClock;
    this.tokens = new TokenSource(options.token, this.clock);
    this.transport = new Transport({
      url: options.url,
      authorization: async () => `Bearer ${await this.tokens.get()}`,
      refreshAuthorization: async () => {
        if (!this.tokens.refreshable) return false;
        await this.tokens.refresh();
        return true;
      },
      clock: this.clock,
      retry: options.retry,
      fetch: options.fetch,
    });
  }

  /** The signed-in user (asked once). */
  me(): Promise<Me> {
    this.self ??= this.transport
      .call((api) => api.user.me.query(), { idempotent: true })
      .catch((error: unknown) => {
        this.self = null;
        throw error;
      });
    return this.self;
  }

  /** Sets the user's preferred language and whether messages are translated as they arrive. */
  async updatePreferences(options: PreferencesOptions): Promise<Preferences> {
    const preferences = await this.transport.call(
      (api) => api.user.updatePreferences.mutate(options),
      { idempotent: true },
    );
    this.self = null; // `me()` asks again, with the new settings
    return preferences;
  }

  /** The languages the server translates into (none when translation is off). */
  languages(): Promise<Languages> {
    return this.transport.call((api) => api.translation.languages.query(), { idempotent: true });
  }

  /** A group thread that the user owns, with these other members. */
  createThread(options: CreateThreadOptions = {}): Promise<Thread> {
    return this.transport.call(
      async (api) => (await api.thread.create.mutate({ kind: "group", ...options })).thread,
      {
        idempotent: false,
      },
    );
  }

  /** The one 1:1 thread with this user: made the first time, the same one after. */
  createDirectThread(userId: string): Promise<Thread> {
    return this.transport.call(
      async (api) => (await api.thread.create.mutate({ kind: "direct", userId })).thread,
      {
        idempotent: true,
      },
    );
  }

  /** The user's threads, latest activity first, with unread counts and the last message. */
  threads(options: ThreadsOptions = {}): Paged<ThreadListItem> {
    const { topic, pageSize: limit = 30 } = options;
    return paged<ThreadListItem, string>((cursor) =>
      this.transport.call((api) => api.thread.list.query({ limit, topic, cursor }), {
        idempotent: true,
      }),
    );
  }

  /** A handle on one thread, by id (no request until you call something). */
  thread(threadId: string): ThreadHandle {
    const { transport, clock, emitter } = this;
    const stateOf = (handle: ThreadHandle) => {
      let state = this.states.get(handle.id);
      if (!state) {
        const userId = async () => (await this.me()).id;
        state = new ThreadState({ handle, emitter, clock, userId });
        this.states.set(handle.id, state);
      }
      return state;
    };
    return new ThreadHandle({ transport, clock, emitter, stateOf }, threadId);
  }

  /**
   * The user's threads as a UI lists them, one store per client: `threadList.load()` fills
   * it, realtime keeps it current.
   */
  get threadList(): ThreadList {
    this.list ??= new ThreadList({
      emitter: this.emitter,
      pages: () => this.threads({ pageSize: 30 }),
      userId: async () => (await this.me()).id,
    });
    return this.list;
  }

  /**
   * Starts realtime: resolves once connected and subscribed to every thread of the user's, so
   * that even what is never caught up (typing) is heard from then on. Events of each thread
   * then arrive in order, each once, including those that happened while the connection was
   * down; threads the user is added to are followed as they come.
   */
  async connect(): Promise<void> {
    if (this.session) return;
    const { id: userId } = await this.me();
    const session = new RealtimeSession({
      url: this.options.url,
      userId,
      transport: this.transport,
      tokens: this.tokens,
      emitter: this.emitter,
      fetch: this.options.fetch,
    });
    this.session = session;
    try {
      await session.start();
    } catch (error) {
      this.disconnect();
      throw error;
    }
  }

  /** Stops realtime; `connect()` starts it again. */
  disconnect(): void {
    this.session?.stop();
    this.session = null;
  }

  /**
   * Events of every thread the user is in (`message.created`, `typing`, …) and of the
   * connection (`connected`, `disconnected`, `reconnected`, `error`). Returns a function that
   * stops this handler.
   */
  on<Name extends keyof ClientEvents>(
    name: Name,
    handler: Handler<ClientEvents[Name]>,
  ): () => void {
    return this.emitter.on(name, handler);
  }
}
