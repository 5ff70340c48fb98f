import type { Prisma } from "@spool/db";

/**
 * Locks the thread's row until the transaction ends, the lock `nextSequence` also takes: a
 * change that must first read the thread's state (who is a member) then sees every change
 * committed before it, and concurrent ones queue behind it.
 */
export async function lockThread(tx: Prisma.TransactionClient, threadId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Thread" WHERE id = ${threadId}::uuid FOR UPDATE`;
}
