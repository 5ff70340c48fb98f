import type { Prisma } from "@spool/db";
import { messageSelect, toMessageView, type MessageView } from "../shapes/message";
import { nextSequence } from "./sequence";

/** What a new history entry says; where it goes and when it arrived are set here. */
export type NewEntry = Omit<
  Prisma.MessageUncheckedCreateInput,
  "threadId" | "sequence" | "changeSequence" | "createdAt"
>;

/**
 * Appends an entry (the activities) to a thread's history at the next sequence, stamped with
 * the server's arrival time, which also becomes the thread's last activity, inside the
 * caller's transaction. A message sent by a person takes `storeMessage`, one statement.
 */
export async function appendEntry(
  tx: Prisma.TransactionClient,
  threadId: string,
  entry: NewEntry,
): Promise<MessageView> {
  const at = new Date();
  const sequence = await nextSequence(tx, threadId, { isNewEntry: true, at });
  const row = await tx.message.create({
    data: { ...entry, threadId, sequence, changeSequence: sequence, createdAt: at },
    select: messageSelect,
  });
  return toMessageView(row);
}
