import type { Prisma, PrismaClient } from "@spool/db";
import type { TranslationReader } from "../changes/thread-change";

type Db = PrismaClient | Prisma.TransactionClient;

/** Whom a change to a thread goes to, read by the change's own transaction. */
export interface Audience {
  memberIds: string[];
  /** The latest `shareHistoryTime` among the members: older history is hidden from one of them. */
  historyCut: Date | null;
}

export async function threadAudience(db: Db, threadId: string): Promise<Audience> {
  const members = await db.member.findMany({
    where: { threadId },
    select: { userId: true, shareHistoryTime: true },
  });
  return { memberIds: members.map((member) => member.userId), historyCut: latestCut(members) };
}

export function latestCut(members: readonly { shareHistoryTime: Date | null }[]): Date | null {
  const cuts = members.flatMap((member) => member.shareHistoryTime?.getTime() ?? []);
  return cuts.length > 0 ? new Date(Math.max(...cuts)) : null;
}

/** The thread's auto-translating readers, read by the change's own transaction. */
export async function translationReaders(db: Db, threadId: string): Promise<TranslationReader[]> {
  const readers = await db.member.findMany({
    where: {
      threadId,
      user: { language: { not: null } },
      OR: [{ autoTranslate: true }, { autoTranslate: null, user: { autoTranslate: true } }],
    },
    select: { userId: true, user: { select: { language: true } } },
  });
  return readers.map(({ userId, user }) => ({ userId, language: user.language! }));
}
