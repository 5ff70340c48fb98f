import { Prisma } from "@spool/db";
import type { z } from "zod";
import type { UserActor } from "../../actor";
import type { ServiceDeps } from "../../deps";
import { DomainError } from "../../errors";
import { timestamp } from "../../inputs/fields";
import type { ListThreadsInput } from "../../inputs/thread";
import { limits } from "../../limits";
import { messageSelect, toMessageView, type MessageView } from "../../shapes/message";
import { threadSelect, toThreadView, type ThreadView } from "../../shapes/thread";

export type ThreadListItem = ThreadView & {
  /**
   * Messages from others after the caller's read horizon: exact up to
   * `limits.unreadCountCap - 1` (99); the cap itself (100) means that many or more.
   */
  unreadCount: number;
  /** The high-priority ones among them, counted to the same cap. */
  unreadHighPriorityCount: number;
  lastMessage: MessageView | null;
};

/** The caller's threads, most recent activity first, keyset-paged on (lastActivityAt, id). */
export async function listThreads(
  deps: ServiceDeps,
  actor: UserActor,
  input: z.output<typeof ListThreadsInput>,
): Promise<{ items: ThreadListItem[]; nextCursor: string | null }> {
  const after = input.cursor ? decodeCursor(input.cursor) : undefined;
  const rows = await deps.db.thread.findMany({
    where: {
      members: { some: { userId: actor.userId } },
      ...(input.topic && { topic: { contains: input.topic, mode: "insensitive" } }),
      ...(after && {
        OR: [
          { lastActivityAt: { lt: after.at } },
          { lastActivityAt: after.at, id: { lt: after.id } },
        ],
      }),
    },
    orderBy: [{ lastActivityAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    select: threadSelect,
  });
  const page = rows.slice(0, input.limit);
  const summaries = await summarize(
    deps,
    actor.userId,
    page.map((row) => row.id),
  );
  const last = page.at(-1);
  return {
    items: page.map((row) => ({ ...toThreadView(row), ...summaries.get(row.id)! })),
    nextCursor:
      rows.length > input.limit && last ? encodeCursor(last.lastActivityAt, last.id) : null,
  };
}

interface SummaryRow {
  threadId: string;
  unread: number;
  unreadHigh: number;
  lastMessageId: string | null;
}

/** An entry the member has not read: text from others, in history they may see. */
const unreadToMember = Prisma.sql`
  x.type IN ('text', 'html') AND x."deletedAt" IS NULL
  AND x."senderId" IS DISTINCT FROM m."userId"
  AND x."createdAt" >= coalesce(m."shareHistoryTime", '-infinity')`;

/**
 * The unread entries after the member's horizon (`only` narrows them), counted up to the cap.
 * It steps from each entry to the next with `ORDER BY sequence LIMIT 1`, which is always one
 * probe of an index, whatever the planner believes about the thread's size (a bare count with
 * a LIMIT was planned as a bitmap scan of the whole backlog): it stops at the cap.
 */
function unreadUpToCap(only: Prisma.Sql) {
  return Prisma.sql`
    WITH RECURSIVE walk(sequence, total) AS (
      SELECT m."lastReadSequence", 0
      UNION ALL
      SELECT next.sequence, walk.total + next.unread::int
        FROM walk CROSS JOIN LATERAL (
          SELECT x.sequence, (${unreadToMember}) AS unread FROM "Message" x
           WHERE x."threadId" = m."threadId" AND x.sequence > walk.sequence ${only}
           ORDER BY x.sequence LIMIT 1
        ) next
       WHERE walk.total < ${limits.unreadCountCap}
    )
    SELECT max(total)::int AS total FROM walk`;
}

/**
 * The newest text the member may see, stepping back one entry at a time past activities, and
 * stopping where the history hidden from them begins.
 */
const lastVisibleText = Prisma.sql`
  WITH RECURSIVE walk(sequence, id, text, hidden) AS (
    SELECT 2147483647, NULL::uuid, false, false
    UNION ALL
    SELECT x.sequence, x.id, x.type IN ('text', 'html'),
           x."createdAt" < coalesce(m."shareHistoryTime", '-infinity')
      FROM walk CROSS JOIN LATERAL (
        SELECT x.sequence, x.id, x.type, x."createdAt" FROM "Message" x
         WHERE x."threadId" = m."threadId" AND x.sequence < walk.sequence
         ORDER BY x.sequence DESC LIMIT 1
      ) x
     WHERE NOT walk.text AND NOT walk.hidden
  )
  SELECT id FROM walk WHERE text AND NOT hidden`;

/**
 * Unread counts and the last visible message of each thread, in one round trip, each read in
 * as many steps as it needs, never the whole backlog: a million unread costs what a hundred do.
 * The high-priority walk follows the partial index of high-priority messages.
 */
async function summarize(deps: ServiceDeps, userId: string, threadIds: string[]) {
  if (threadIds.length === 0) return new Map<string, Omit<ThreadListItem, keyof ThreadView>>();
  const rows = await deps.db.$queryRaw<SummaryRow[]>`
    SELECT m."threadId", unread.total AS unread, high.total AS "unreadHigh", last.id AS "lastMessageId"
      FROM "Member" m
      CROSS JOIN LATERAL (${unreadUpToCap(Prisma.empty)}) unread
      CROSS JOIN LATERAL (${unreadUpToCap(Prisma.sql`AND x.priority = 'high'`)}) high
      LEFT JOIN LATERAL (${lastVisibleText}) last ON true
     WHERE m."userId" = ${userId}::uuid AND m."threadId" = ANY(${threadIds}::uuid[])`;
  const lastIds = rows.flatMap((row) => (row.lastMessageId ? [row.lastMessageId] : []));
  const messages = await deps.db.message.findMany({
    where: { id: { in: lastIds } },
    select: messageSelect,
  });
  const byId = new Map(messages.map((message) => [message.id, toMessageView(message)]));
  return new Map(
    rows.map((row) => [
      row.threadId,
      {
        unreadCount: row.unread,
        unreadHighPriorityCount: row.unreadHigh,
        lastMessage: (row.lastMessageId && byId.get(row.lastMessageId)) || null,
      },
    ]),
  );
}

function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id])).toString("base64url");
}

function decodeCursor(cursor: string): { at: Date; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString()) as [string, string];
    // A forged cursor's date must still be one the database can compare with.
    const date = timestamp("cursor").parse(new Date(at));
    if (!/^[0-9a-f-]{36}$/.test(id)) throw new Error();
    return { at: date, id };
  } catch {
    throw new DomainError("INVALID_INPUT", "cursor must be a nextCursor returned by thread.list.");
  }
}
