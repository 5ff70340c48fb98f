import { sql, type SqlClient } from "@spool/db";
import { v7 as uuidv7 } from "uuid";
import type { TranslationReader } from "../../changes/thread-change";
import type { MessageRow, MessageView } from "../../shapes/message";
import type { TokenState } from "../identity/authenticate";
import type { NewMessage, StoreOutcome } from "./store-message";

/** One send of a batch: the message and who sends it. */
export interface PendingSend {
  userId: string;
  /** The sender's cached bearer token, not yet checked for revocation (see `UserActor`). */
  uncheckedToken: string | null;
  message: NewMessage;
}

type Row = Omit<MessageRow, "activity"> & {
  ord: number;
  tokenState: TokenState;
  isMember: boolean;
  outcome: "stored" | "original" | null;
  channelEpoch: number | null;
  memberIds: string[] | null;
  historyCut: Date | null;
  translationReaders: TranslationReader[] | null;
};

/**
 * Stores a batch of sends, to any threads, in one statement: one round trip, one commit and
 * one plan for all of them, which is what lets sends keep up with plain inserts. For each
 * send it checks the sender's unchecked token (if any) and membership, returns the original
 * of a retry, and otherwise inserts the message at its thread's next sequence, stamped with
 * the server's arrival time, in the batch's order. Each thread's row is locked once by the
 * UPDATE that takes its sequences, so concurrent statements queue per thread and sequences
 * stay gapless. A removal commits its new channel epoch under that lock; the UPDATE re-checks
 * the epoch once it holds the lock, so sends that waited behind a removal store nothing
 * (`membership-moved`) and are tried again with what is committed by then. It returns each
 * stored message's audience too, auto-translating readers included, so that publishing the
 * message and its translations reads nothing again.
 *
 * The caller keeps two sends with the same clientMessageId out of one batch; a retry racing
 * its original in another statement fails this whole statement on the unique index, storing
 * nothing. It goes straight through the driver, prepared once per connection.
 */
export async function storeBatch(db: SqlClient, sends: PendingSend[]): Promise<StoreOutcome[]> {
  const at = new Date();
  const input = sends.map(({ userId, uncheckedToken, message }, ord) => ({
    ord,
    id: uuidv7(),
    threadId: message.threadId,
    userId,
    tokenHash: uncheckedToken,
    clientMessageId: message.clientMessageId ?? null,
    type: message.type,
    content: message.content,
    priority: message.priority,
    metadata: message.metadata ?? null,
  }));
  const rows = await db.query<Row>(
    "store-messages",
    sql`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(input)}::jsonb) AS i(
        ord int, id uuid, "threadId" uuid, "userId" uuid, "tokenHash" text, "clientMessageId" text,
        type "MessageType", content text, priority "MessagePriority", metadata jsonb)
    ), token AS (
      SELECT i.ord, CASE WHEN i."tokenHash" IS NULL THEN 'valid' ELSE coalesce(
        (SELECT CASE WHEN a."revokedAt" IS NULL THEN 'valid' ELSE 'revoked' END
           FROM "AccessToken" a
          WHERE a."tokenHash" = i."tokenHash" AND a."userId" = i."userId"),
        'unknown') END AS state
        FROM input i
    ), sender AS (
      SELECT i.ord, t."channelEpoch"
        FROM input i
        JOIN token ON token.ord = i.ord AND token.state = 'valid'
        JOIN "Member" m ON m."threadId" = i."threadId" AND m."userId" = i."userId"
        JOIN "Thread" t ON t.id = i."threadId"
    ), original AS (
      SELECT i.ord, x.*
        FROM input i
        JOIN sender s ON s.ord = i.ord
        JOIN "Message" x ON x."threadId" = i."threadId" AND x."senderId" = i."userId"
                        AND x."clientMessageId" = i."clientMessageId"
    ), fresh AS (
      SELECT i.*, s."channelEpoch",
             row_number() OVER (PARTITION BY i."threadId" ORDER BY i.ord)::int AS rank
        FROM input i
        JOIN sender s ON s.ord = i.ord
       WHERE NOT EXISTS (SELECT 1 FROM original o WHERE o.ord = i.ord)
    ), counts AS (
      SELECT "threadId", count(*)::int AS n, min("channelEpoch") AS "channelEpoch"
        FROM fresh GROUP BY "threadId"
    ), bumped AS (
      UPDATE "Thread" t
         SET "lastSequence" = t."lastSequence" + c.n, "lastActivityAt" = ${at}::timestamptz
        FROM counts c
       WHERE t.id = c."threadId" AND t."channelEpoch" = c."channelEpoch"
      RETURNING t.id, t."lastSequence" - c.n AS base, t."channelEpoch"
    ), stored AS (
      INSERT INTO "Message" (id, "threadId", sequence, "changeSequence", type, content, priority,
                             "senderId", "clientMessageId", metadata, "createdAt")
      SELECT f.id, f."threadId", b.base + f.rank, b.base + f.rank, f.type, f.content,
             f.priority, f."userId", f."clientMessageId", f.metadata, ${at}::timestamptz
        FROM fresh f JOIN bumped b ON b.id = f."threadId"
      RETURNING id, "threadId", sequence, "changeSequence", type, content, priority, "senderId",
                "clientMessageId", metadata, "createdAt", "editedAt", "deletedAt", version
    ), audience AS (
      SELECT m."threadId", array_agg(m."userId"::text ORDER BY m."userId") AS "memberIds",
             max(m."shareHistoryTime") AS "historyCut",
             coalesce(jsonb_agg(jsonb_build_object('userId', m."userId", 'language', u.language))
                        FILTER (WHERE u.language IS NOT NULL
                                  AND coalesce(m."autoTranslate", u."autoTranslate")),
                      '[]') AS "translationReaders"
        FROM "Member" m JOIN "User" u ON u.id = m."userId"
       WHERE m."threadId" IN (SELECT id FROM bumped)
       GROUP BY m."threadId"
    ), entry AS (
      SELECT i.ord, 'stored' AS outcome, x.* FROM stored x JOIN input i ON i.id = x.id
      UNION ALL
      SELECT o.ord, 'original' AS outcome, o.id, o."threadId", o.sequence, o."changeSequence",
             o.type, o.content, o.priority, o."senderId", o."clientMessageId", o.metadata,
             o."createdAt", o."editedAt", o."deletedAt", o.version
        FROM original o
    )
    SELECT i.ord, token.state AS "tokenState", s.ord IS NOT NULL AS "isMember", e.outcome,
           b."channelEpoch", a."memberIds", a."historyCut", a."translationReaders",
           e.id::text, e."threadId"::text, e.sequence, e."changeSequence", e.type::text, e.content,
           e.priority::text, e."senderId"::text, e."clientMessageId", e.metadata, e."createdAt",
           e."editedAt", e."deletedAt", e.version
      FROM input i
      JOIN token ON token.ord = i.ord
      LEFT JOIN sender s ON s.ord = i.ord
      LEFT JOIN entry e ON e.ord = i.ord
      LEFT JOIN bumped b ON b.id = i."threadId" AND e.outcome = 'stored'
      LEFT JOIN audience a ON a."threadId" = i."threadId" AND e.outcome = 'stored'
     ORDER BY i.ord`,
  );
  return rows.map(outcomeOf);
}

function outcomeOf(row: Row): StoreOutcome {
  const { tokenState, isMember, outcome, channelEpoch, memberIds, historyCut } = row;
  if (tokenState !== "valid") return { kind: "token-refused", state: tokenState };
  if (!isMember) return { kind: "not-member" };
  if (!outcome) return { kind: "membership-moved" };
  const message: MessageView = {
    id: row.id,
    threadId: row.threadId,
    sequence: row.sequence,
    changeSequence: row.changeSequence,
    type: row.type,
    content: row.content,
    priority: row.priority,
    senderId: row.senderId,
    clientMessageId: row.clientMessageId,
    metadata: row.metadata as Record<string, string> | null,
    createdAt: row.createdAt,
    editedAt: row.editedAt,
    deletedAt: row.deletedAt,
    version: row.version,
    activity: null,
    reactions: [],
  };
  if (outcome === "original") return { kind: "original", message };
  return {
    kind: "stored",
    message,
    channelEpoch: channelEpoch!,
    memberIds: memberIds!,
    historyCut,
    translationReaders: row.translationReaders!,
  };
}
