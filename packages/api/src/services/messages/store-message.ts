import type { SqlClient } from "@spool/db";
import type { UserActor } from "../../actor";
import type { TranslationReader } from "../../changes/thread-change";
import type { MessageView } from "../../shapes/message";
import type { TokenState } from "../identity/authenticate";
import { sendQueueFor } from "./send-queue";

export interface NewMessage {
  threadId: string;
  type: "text" | "html";
  /** Already checked and sanitised (`prepareContent`). */
  content: string;
  priority: "normal" | "high";
  clientMessageId?: string;
  metadata?: Record<string, string>;
}

export type StoreOutcome =
  | {
      kind: "stored";
      message: MessageView;
      channelEpoch: number;
      memberIds: string[];
      historyCut: Date | null;
      translationReaders: TranslationReader[];
    }
  /** A retry: the message stored before with this clientMessageId. */
  | { kind: "original"; message: MessageView }
  | { kind: "token-refused"; state: Exclude<TokenState, "valid"> }
  | { kind: "not-member" }
  /** A member was removed (or the thread deleted) while this waited for the thread's lock. */
  | { kind: "membership-moved" };

/**
 * Stores a message at its thread's next sequence, or finds the original of a retry, checking
 * the sender's unchecked token and membership on the way: one statement, shared with the
 * sends that arrive at the same moment (`SendQueue`, `storeBatch`).
 */
export function storeMessage(
  db: SqlClient,
  { userId, uncheckedToken }: UserActor,
  message: NewMessage,
): Promise<StoreOutcome> {
  return sendQueueFor(db).store({ userId, uncheckedToken: uncheckedToken ?? null, message });
}
