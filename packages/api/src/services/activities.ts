import type { MessageType, Prisma } from "@spool/db";
import { messageSelect, toMessageView, type MessageView } from "../shapes/message";
import { nextSequence } from "./sequence";

export interface ActivityDetail {
  type: Extract<MessageType, "member_added" | "member_removed" | "topic_updated">;
  actorId: string;
  targetUserIds?: string[];
  oldTopic?: string;
  newTopic?: string;
}

/** Writes an activity into the thread's history at the next sequence. */
export async function appendActivity(
  tx: Prisma.TransactionClient,
  threadId: string,
  { type, actorId, ...detail }: ActivityDetail,
): Promise<MessageView> {
  const at = new Date();
  const sequence = await nextSequence(tx, threadId, { isNewEntry: true, at });
  const row = await tx.message.create({
    data: {
      threadId,
      sequence,
      changeSequence: sequence,
      type,
      senderId: actorId,
      createdAt: at,
      activity: { create: { actorId, targetUserIds: detail.targetUserIds ?? [], ...detail } },
    },
    select: messageSelect,
  });
  return toMessageView(row);
}
