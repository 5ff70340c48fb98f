import type { z } from "zod";
import type { UserActor } from "../../actor";
import type { ServiceDeps } from "../../deps";
import { DomainError } from "../../errors";
import { timestamp } from "../../inputs/fields";
import type { ListThreadsInput } from "../../inputs/thread";
import { messageSelect, toMessageView, type MessageView } from "../../shapes/message";
import { threadSelect, toThreadView, type ThreadView } from "../../shapes/thread";

export type ThreadListItem = ThreadView & {
  /** Messages from others after the caller's read horizon. */
  unreadCount: number;
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

/** Unread counts and the last visible message of each thread, in one round trip. */
async function summarize(deps: ServiceDeps, userId: string, threadIds: string[]) {
  if (threadIds.length === 0) return new Map<string, Omit<ThreadListItem, keyof ThreadView>>();
  const rows = await deps.db.$queryRaw<SummaryRow[]>`
    SELECT m."threadId", unread.total AS unread, unread.high AS "unreadHigh", last.id AS "lastMessageId"
      FROM "Member" m
      CROSS JOIN LATERAL (
        SELECT count(*)::int AS total, (count(*) FILTER (WHERE x.priority = 'high'))::int AS high
          FROM "Message" x
         WHERE x."threadId" = m."threadId" AND x.sequence > m."lastReadSequence"
           AND x.type IN ('text', 'html') AND x."deletedAt" IS NULL
           AND x."senderId" IS DISTINCT FROM m."userId"
           AND x."createdAt" >= coalesce(m."shareHistoryTime", '-infinity')
      ) unread
      LEFT JOIN LATERAL (
        SELECT x.id FROM "Message" x
         WHERE x."threadId" = m."threadId" AND x.type IN ('text', 'html')
           AND x."createdAt" >= coalesce(m."shareHistoryTime", '-infinity')
         ORDER BY x.sequence DESC LIMIT 1
      ) last ON true
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
