import { type Prisma } from "@spool/db";
import type { UserActor } from "../../actor";
import type { ServiceDeps } from "../../deps";
import { DomainError } from "../../errors";
import { limits } from "../../limits";
import { lockMessageForChange, NothingChanged } from "../messages/locate-message";

export interface ReactionChange {
  messageId: string;
  emoji: string;
  count: number;
  reactedByMe: boolean;
}

/**
 * Adds or removes the caller's reaction. Either is idempotent; a change takes a thread
 * sequence so that catch-up returns the message with its new reactions.
 */
export async function changeReaction(
  deps: ServiceDeps,
  actor: UserActor,
  input: { messageId: string; emoji: string; add: boolean },
): Promise<ReactionChange> {
  const { messageId, emoji, add } = input;
  const key = { messageId_userId_emoji: { messageId, userId: actor.userId, emoji } };
  try {
    const { threadId, sequence, channelEpoch } = await deps.db.$transaction(async (tx) => {
      const { message, member, sequence } = await lockMessageForChange(tx, messageId, actor.userId);
      if (message.deletedAt || (message.type !== "text" && message.type !== "html")) {
        throw new DomainError("NOT_EDITABLE", "Only messages that are not deleted take reactions.");
      }
      const exists = (await tx.reaction.findUnique({ where: key })) !== null;
      if (exists === add) throw new NothingChanged();
      if (add) {
        await refuseTooManyEmoji(tx, messageId, emoji);
        await tx.reaction.create({ data: { messageId, userId: actor.userId, emoji } });
      } else {
        await tx.reaction.delete({ where: key });
      }
      await tx.message.update({ where: { id: messageId }, data: { changeSequence: sequence } });
      return { threadId: message.threadId, sequence, channelEpoch: member.thread.channelEpoch };
    });
    const count = await deps.db.reaction.count({ where: { messageId, emoji } });
    deps.changes.publish(
      {
        type: "reaction.changed",
        threadId,
        sequence,
        channelEpoch,
        messageId,
        userId: actor.userId,
        emoji,
        count,
        added: add,
      },
      actor,
    );
    return { messageId, emoji, count, reactedByMe: add };
  } catch (error) {
    if (!(error instanceof NothingChanged)) throw error;
    const count = await deps.db.reaction.count({ where: { messageId, emoji } });
    return { messageId, emoji, count, reactedByMe: add };
  }
}

async function refuseTooManyEmoji(tx: Prisma.TransactionClient, messageId: string, emoji: string) {
  const distinct = await tx.reaction.findMany({
    where: { messageId },
    distinct: ["emoji"],
    select: { emoji: true },
  });
  if (distinct.length >= limits.reactionsPerMessage && !distinct.some((r) => r.emoji === emoji)) {
    throw new DomainError(
      "REACTION_LIMIT",
      `A message takes at most ${limits.reactionsPerMessage} different emoji; react with one already there.`,
    );
  }
}
