import { Prisma } from "@spool/db";
import type { UserActor } from "../../actor";
import type { ServiceDeps } from "../../deps";
import { messageSelect, toMessageView, type MessageView } from "../../shapes/message";
import {
  findVisibleMessage,
  lockMessageForChange,
  NothingChanged,
  requireOwnMessage,
} from "./locate-message";
import { threadAudience } from "../audience";

/**
 * Deletes one of the caller's own messages: the content, metadata and reactions are erased and
 * a tombstone keeps its place in history. Deleting it again changes nothing.
 */
export async function deleteMessage(
  deps: ServiceDeps,
  actor: UserActor,
  input: { messageId: string },
): Promise<MessageView> {
  try {
    const { row, channelEpoch, historyCut } = await deps.db.$transaction(async (tx) => {
      const locked = await lockMessageForChange(tx, input.messageId, actor.userId);
      const { message, member, sequence } = locked;
      requireOwnMessage(message, actor.userId, "delete");
      if (message.deletedAt) throw new NothingChanged();
      await tx.reaction.deleteMany({ where: { messageId: message.id } });
      // Translations are content too: erased with it.
      await tx.messageTranslation.deleteMany({ where: { messageId: message.id } });
      const row = await tx.message.update({
        where: { id: message.id },
        data: {
          content: "",
          metadata: Prisma.DbNull,
          language: null,
          deletedAt: new Date(),
          version: { increment: 1 },
          changeSequence: sequence,
        },
        select: messageSelect,
      });
      const { historyCut } = await threadAudience(tx, message.threadId);
      return { row, channelEpoch: member.thread.channelEpoch, historyCut };
    });
    const message = toMessageView(row);
    deps.changes.publish(
      {
        type: "message.deleted",
        threadId: message.threadId,
        sequence: message.changeSequence,
        message,
        channelEpoch,
        historyCut,
      },
      actor,
    );
    return message;
  } catch (error) {
    if (!(error instanceof NothingChanged)) throw error;
    const { message } = await findVisibleMessage(deps.db, input.messageId, actor.userId);
    return toMessageView(message);
  }
}
