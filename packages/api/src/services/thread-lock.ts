import type { Prisma } from "@spool/db";

/**
 * Locks the thread's row until the transaction ends, the lock `nextSequence` also takes: a
 * change that must first read the thread's state (who is a member) then sees every change
 * committed before it, and concurrent ones queue behind it. Answers the thread's channel epoch,
 * which cannot move before the transaction ends, or null for a thread that is gone.
 */
export async function lockThread(
  tx: Prisma.TransactionClient,
  threadId: string,
): Promise<{ channelEpoch: number } | null> {
  const [thread] = await tx.$queryRaw<{ channelEpoch: number }[]>`
    SELECT "channelEpoch" FROM "Thread" WHERE id = ${threadId}::uuid FOR UPDATE`;
  return thread ?? null;
}
