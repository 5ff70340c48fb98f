import type { Prisma, PrismaClient } from "@spool/db";
import { DomainError } from "../errors";

type Db = PrismaClient | Prisma.TransactionClient;

/**
 * The caller's membership of a thread, or THREAD_NOT_FOUND. A non-member learns nothing, not
 * even whether the thread exists.
 */
export async function requireMember(db: Db, threadId: string, userId: string) {
  const member = await db.member.findUnique({
    where: { threadId_userId: { threadId, userId } },
    include: { thread: { select: { kind: true, lastSequence: true, channelEpoch: true } } },
  });
  if (!member) throw notAMember(threadId);
  return member;
}

/** A non-member learns nothing, not even whether the thread exists. */
export function notAMember(threadId: string): DomainError {
  return new DomainError("THREAD_NOT_FOUND", `No thread ${threadId} that you are a member of.`);
}

export type Membership = Awaited<ReturnType<typeof requireMember>>;

/** History the member may see: from their shareHistoryTime on, when one is set. */
export function visibleTo(member: Pick<Membership, "shareHistoryTime">): Prisma.MessageWhereInput {
  return member.shareHistoryTime ? { createdAt: { gte: member.shareHistoryTime } } : {};
}
