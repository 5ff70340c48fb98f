import type { MessageView } from "../shapes/message";
import type { ThreadView } from "../shapes/thread";
import type { TranslationOutcome } from "../translation/outcome";

/**
 * Everything that happens to a thread, as the services announce it once the transaction has
 * committed. Thread changes carry the thread's sequence after the change, so a subscriber can
 * tell when it missed one and catch up with `message.list({ after })`.
 *
 * Each change also carries whom it goes to, as its own transaction left the thread, so that
 * publishing never reads the database again: `channelEpoch` is the thread channel's epoch after
 * the change, `memberIds` the members whose own channels hear it, and `historyCut` the latest
 * `shareHistoryTime` among the members (see `deliveriesFor`). A new or edited message also
 * carries its `translationReaders`, for the translations published after it.
 */
export type ThreadChange =
  | { type: "thread.created"; thread: ThreadView; memberIds: string[] }
  | {
      type: "thread.updated";
      threadId: string;
      sequence: number;
      topic: string;
      message: MessageView;
      channelEpoch: number;
      memberIds: readonly string[];
      historyCut: Date | null;
    }
  | {
      type: "thread.deleted";
      threadId: string;
      sequence: number;
      memberIds: string[];
      channelEpoch: number;
    }
  | {
      type: "message.created";
      threadId: string;
      sequence: number;
      message: MessageView;
      channelEpoch: number;
      memberIds: readonly string[];
      historyCut: Date | null;
      translationReaders: readonly TranslationReader[];
    }
  | {
      type: "message.edited";
      threadId: string;
      sequence: number;
      message: MessageView;
      channelEpoch: number;
      historyCut: Date | null;
      translationReaders: readonly TranslationReader[];
    }
  | {
      type: "message.deleted";
      threadId: string;
      sequence: number;
      message: MessageView;
      channelEpoch: number;
      historyCut: Date | null;
    }
  | {
      type: "member.added";
      threadId: string;
      sequence: number;
      userIds: string[];
      message: MessageView;
      channelEpoch: number;
      historyCut: Date | null;
    }
  | {
      type: "member.removed";
      threadId: string;
      sequence: number;
      userIds: string[];
      message: MessageView;
      /** The thread's new channel epoch; the removal itself is announced on the old one. */
      channelEpoch: number;
      historyCut: Date | null;
    }
  | {
      type: "reaction.changed";
      threadId: string;
      sequence: number;
      channelEpoch: number;
      messageId: string;
      userId: string;
      emoji: string;
      /** How many people now have this reaction on the message. */
      count: number;
      added: boolean;
    }
  | {
      type: "read-receipt";
      threadId: string;
      /** The thread's latest sequence, as on every thread event. */
      sequence: number;
      channelEpoch: number;
      userId: string;
      lastReadSequence: number;
      readAt: Date;
    }
  | {
      type: "message.translated";
      threadId: string;
      /** The message's change sequence at the version translated. */
      sequence: number;
      channelEpoch: number;
      historyCut: Date | null;
      message: Pick<MessageView, "id" | "version" | "createdAt">;
      /** The language detected in the version translated. */
      language: string;
      /** Per language asked for: the translation, or why it could not be made. */
      translations: { to: string; outcome: TranslationOutcome }[];
    }
  | {
      type: "typing";
      threadId: string;
      sequence: number;
      channelEpoch: number;
      userId: string;
      name: string;
    };

/**
 * A member who reads the thread auto-translated (their own switch, or the thread's override of
 * it), and the language they read: who a new version of a message is translated for.
 */
export interface TranslationReader {
  userId: string;
  language: string;
}

export interface ChangeOrigin {
  /** The caller's realtime connection, which already knows about its own change. */
  socketId?: string;
}

/**
 * Where committed changes go. The realtime publisher implements it; a failing publish is its
 * own business and must never undo or fail the caller's action. It returns nothing on
 * purpose: services never wait for a publish. The host that must outlive one (the web app,
 * with Next's `after()`) holds the publisher's own promise.
 */
export interface ChangeSink {
  publish(change: ThreadChange, origin: ChangeOrigin): void;
}

/** Keeps changes in memory: for tests, and for processes with no realtime server. */
export class RecordingChangeSink implements ChangeSink {
  readonly changes: ThreadChange[] = [];

  publish(change: ThreadChange): void {
    this.changes.push(change);
  }
}
