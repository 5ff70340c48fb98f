import type { PrismaClient } from "@spool/db";
import { v7 as uuidv7 } from "uuid";
import type { UserActor } from "../../actor";
import type { MessageRow, MessageView } from "../../shapes/message";
import type { TokenState } from "../identity/authenticate";

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
    }
  /** A retry: the message stored before with this clientMessageId. */
  | { kind: "original"; message: MessageView }
  | { kind: "token-refused"; state: Exclude<TokenState, "valid"> }
  | { kind: "not-member" }
  /** A member was removed (or the thread deleted) while this waited for the thread's lock. */
  | { kind: "membership-moved" };

type Row = Omit<MessageRow, "activity"> & {
  tokenState: TokenState;
  isMember: boolean;
  outcome: "stored" | "original" | null;
  channelEpoch: number | null;
  memberIds: string[] | null;
  historyCut: Date | null;
};

/**
 * Stores a message in one statement, one round trip and no transaction of its own: it checks
 * the sender's unchecked token (if any) and membership, returns the original of a retry, takes
 * the thread's next sequence (the UPDATE locks the thread's row, so concurrent sends queue and
 * sequences stay gapless), inserts the message stamped with the server's arrival time, and
 * reads whom to announce it to. A removal commits its new channel epoch under the same lock;
 * the UPDATE re-checks the epoch once it holds the lock, so a send that waited behind a removal
 * stores nothing (`membership-moved`) and is tried again with what is committed by then.
 * A retry racing its original fails on the clientMessageId's unique index and stores nothing.
 */
export async function storeMessage(
  db: PrismaClient,
  sender: UserActor,
  message: NewMessage,
): Promise<StoreOutcome> {
  const { threadId, clientMessageId = null } = message;
  const { userId, uncheckedToken = null } = sender;
  const at = new Date();
  const metadata = message.metadata ? JSON.stringify(message.metadata) : null;
  const [row] = await db.$queryRaw<Row[]>`
    WITH token AS (
      SELECT CASE WHEN ${uncheckedToken}::text IS NULL THEN 'valid' ELSE coalesce(
        (SELECT CASE WHEN a."revokedAt" IS NULL THEN 'valid' ELSE 'revoked' END
           FROM "AccessToken" a
          WHERE a."tokenHash" = ${uncheckedToken}::text AND a."userId" = ${userId}::uuid),
        'unknown') END AS state
    ), sender AS (
      SELECT t."channelEpoch"
        FROM token, "Member" m JOIN "Thread" t ON t.id = m."threadId"
       WHERE token.state = 'valid' AND m."threadId" = ${threadId}::uuid
         AND m."userId" = ${userId}::uuid
    ), original AS (
      SELECT x.* FROM sender, "Message" x
       WHERE x."threadId" = ${threadId}::uuid AND x."senderId" = ${userId}::uuid
         AND x."clientMessageId" = ${clientMessageId}::text
    ), bumped AS (
      UPDATE "Thread" t
         SET "lastSequence" = t."lastSequence" + 1, "lastActivityAt" = ${at}::timestamptz
        FROM sender
       WHERE t.id = ${threadId}::uuid AND t."channelEpoch" = sender."channelEpoch"
         AND NOT EXISTS (SELECT 1 FROM original)
      RETURNING t."lastSequence", t."channelEpoch"
    ), stored AS (
      INSERT INTO "Message" (id, "threadId", sequence, "changeSequence", type, content, priority,
                             "senderId", "clientMessageId", metadata, "createdAt")
      SELECT ${uuidv7()}::uuid, ${threadId}::uuid, b."lastSequence", b."lastSequence",
             ${message.type}::"MessageType", ${message.content}::text,
             ${message.priority}::"MessagePriority", ${userId}::uuid, ${clientMessageId}::text,
             ${metadata}::jsonb, ${at}::timestamptz
        FROM bumped b
      RETURNING *
    ), audience AS (
      SELECT array_agg(m."userId"::text ORDER BY m."userId") AS "memberIds",
             max(m."shareHistoryTime") AS "historyCut"
        FROM "Member" m
       WHERE m."threadId" = ${threadId}::uuid AND EXISTS (SELECT 1 FROM stored)
    )
    SELECT token.state AS "tokenState", EXISTS (SELECT 1 FROM sender) AS "isMember",
           entry.outcome, b."channelEpoch", audience."memberIds", audience."historyCut",
           entry.id::text, entry."threadId"::text, entry.sequence, entry."changeSequence",
           entry.type::text, entry.content, entry.priority::text, entry."senderId"::text,
           entry."clientMessageId", entry.metadata, entry."createdAt", entry."editedAt",
           entry."deletedAt", entry.version
      FROM token
      LEFT JOIN bumped b ON true
      LEFT JOIN audience ON true
      LEFT JOIN (SELECT 'stored' AS outcome, * FROM stored
                 UNION ALL SELECT 'original' AS outcome, * FROM original) entry ON true`;
  const { tokenState, isMember, outcome, channelEpoch, memberIds, historyCut, ...entry } = row!;
  if (tokenState !== "valid") return { kind: "token-refused", state: tokenState };
  if (!isMember) return { kind: "not-member" };
  if (!outcome) return { kind: "membership-moved" };
  const view: MessageView = {
    ...entry,
    metadata: entry.metadata as Record<string, string> | null,
    activity: null,
    reactions: [],
  };
  if (outcome === "original") return { kind: "original", message: view };
  return {
    kind: "stored",
    message: view,
    channelEpoch: channelEpoch!,
    memberIds: memberIds!,
    historyCut,
  };
}
