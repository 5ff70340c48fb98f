import type { MessageType, Prisma } from "@spool/db";
import type { MessageView } from "../shapes/message";
import { appendEntry } from "./history";

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
  return appendEntry(tx, threadId, {
    type,
    senderId: actorId,
    activity: { create: { actorId, targetUserIds: detail.targetUserIds ?? [], ...detail } },
  });
}
