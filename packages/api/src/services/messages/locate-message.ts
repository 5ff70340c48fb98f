import type { Prisma, PrismaClient } from "@spool/db";
import { DomainError } from "../../errors";
import { messageSelect, type MessageRow } from "../../shapes/message";
import { requireMember, type Membership } from "../membership";
import { nextSequence } from "../sequence";

type Db = PrismaClient | Prisma.TransactionClient;

const notFound = (messageId: string) =>
  new DomainError("MESSAGE_NOT_FOUND", `No message ${messageId} in a thread you are a member of.`);

/** A message the caller may see: in a thread they belong to, not before their shared history. */
export async function findVisibleMessage(
  db: Db,
  messageId: string,
  userId: string,
): Promise<{ message: MessageRow; member: Membership }> {
  const message = await db.message.findUnique({ where: { id: messageId }, select: messageSelect });
  if (!message) throw notFound(messageId);
  const member = await requireMember(db, message.threadId, userId).catch(() => {
    throw notFound(messageId);
  });
  if (member.shareHistoryTime && message.createdAt < member.shareHistoryTime)
    throw notFound(messageId);
  return { message, member };
}

/**
 * For changing a message: takes the thread's next sequence first, which locks the thread, and
 * only then reads the message, so that an edit and a delete of one message cannot interleave.
 */
export async function lockMessageForChange(
  tx: Prisma.TransactionClient,
  messageId: string,
  userId: string,
): Promise<{ message: MessageRow; member: Membership; sequence: number }> {
  const located = await tx.message.findUnique({
    where: { id: messageId },
    select: { threadId: true },
  });
  if (!located) throw notFound(messageId);
  const sequence = await nextSequence(tx, located.threadId, { isNewEntry: false, at: new Date() });
  const { message, member } = await findVisibleMessage(tx, messageId, userId);
  return { message, member, sequence };
}

/** Only people's own messages can be edited or deleted; activities belong to history. */
export function requireOwnMessage(
  message: MessageRow,
  userId: string,
  action: "edit" | "delete",
): asserts message is MessageRow & { type: "text" | "html" } {
  if (message.type !== "text" && message.type !== "html") {
    throw new DomainError("NOT_EDITABLE", `Activities in the history cannot be ${action}ed.`);
  }
  if (message.senderId !== userId) {
    throw new DomainError("NOT_AUTHOR", `You can only ${action} your own messages.`);
  }
}

/** Thrown inside a transaction that turns out to change nothing, to give its sequence back. */
export class NothingChanged extends Error {}
