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

/** The audience and the thread's auto-translating readers, in one read. */
export async function audienceWithReaders(
  db: Db,
  threadId: string,
): Promise<Audience & { translationReaders: TranslationReader[] }> {
  const members = await db.member.findMany({
    where: { threadId },
    select: {
      userId: true,
      shareHistoryTime: true,
      autoTranslate: true,
      user: { select: { language: true, autoTranslate: true } },
    },
  });
  return {
    memberIds: members.map((member) => member.userId),
    historyCut: latestCut(members),
    // A member's own choice for the thread, else theirs for every thread (as the send
    // statement's audience reads it).
    translationReaders: members.flatMap(({ userId, autoTranslate, user }) =>
      user.language && (autoTranslate ?? user.autoTranslate)
        ? [{ userId, language: user.language }]
        : [],
    ),
  };
}
