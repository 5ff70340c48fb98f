import type { PrismaClient } from "@spool/db";
import type { ReactionSummary } from "../../shapes/message";

/** Per message: each emoji with how many reacted and whether `userId` did, first used first. */
export async function reactionSummaries(
  db: PrismaClient,
  messageIds: string[],
  userId: string,
): Promise<Map<string, ReactionSummary[]>> {
  const summaries = new Map<string, ReactionSummary[]>();
  if (messageIds.length === 0) return summaries;
  const reactions = await db.reaction.findMany({
    where: { messageId: { in: messageIds } },
    orderBy: { createdAt: "asc" },
    select: { messageId: true, emoji: true, userId: true },
  });
  for (const reaction of reactions) {
    const list = summaries.get(reaction.messageId) ?? [];
    summaries.set(reaction.messageId, list);
    let summary = list.find((entry) => entry.emoji === reaction.emoji);
    if (!summary) {
      summary = { emoji: reaction.emoji, count: 0, reactedByMe: false };
      list.push(summary);
    }
    summary.count += 1;
    summary.reactedByMe ||= reaction.userId === userId;
  }
  return summaries;
}
