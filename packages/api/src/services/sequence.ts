import type { Prisma } from "@spool/db";

/**
 * Takes the thread's next sequence. The UPDATE locks the thread's row until the transaction
 * ends, so concurrent changes to one thread queue here and sequences stay gapless: a
 * transaction that rolls back gives its number back.
 */
export async function nextSequence(
  tx: Prisma.TransactionClient,
  threadId: string,
  /** New history (messages, activities) moves the thread up the list; edits do not. */
  { isNewEntry, at }: { isNewEntry: boolean; at: Date },
): Promise<number> {
  const thread = await tx.thread.update({
    where: { id: threadId },
    data: { lastSequence: { increment: 1 }, ...(isNewEntry && { lastActivityAt: at }) },
    select: { lastSequence: true },
  });
  return thread.lastSequence;
}
