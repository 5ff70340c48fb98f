import type { UserActor } from "../../actor";
import type { ServiceDeps } from "../../deps";
import { DomainError } from "../../errors";
import { messageSelect, toMessageView, type MessageView } from "../../shapes/message";
import { audienceWithReaders } from "../audience";
import { reactionSummaries } from "../reactions/summaries";
import { checkMetadata, prepareContent } from "./content";
import { lockMessageForChange, requireOwnMessage } from "./locate-message";

/** Replaces the content of one of the caller's own messages: same id, next version. */
export async function editMessage(
  deps: ServiceDeps,
  actor: UserActor,
  input: { messageId: string; content: string; metadata?: Record<string, string> },
): Promise<MessageView> {
  checkMetadata(input.metadata);
  const { message, channelEpoch, historyCut, readers } = await deps.db.$transaction(async (tx) => {
    const locked = await lockMessageForChange(tx, input.messageId, actor.userId);
    const { message, member, sequence } = locked;
    requireOwnMessage(message, actor.userId, "edit");
    if (message.deletedAt) {
      throw new DomainError("MESSAGE_DELETED", "This message was deleted and cannot be edited.");
    }
    const edited = await tx.message.update({
      where: { id: message.id },
      data: {
        content: prepareContent(message.type, input.content),
        ...(input.metadata && { metadata: input.metadata }),
        editedAt: new Date(),
        version: { increment: 1 },
        changeSequence: sequence,
        // Detected again from the new text when a translation needs it.
        language: null,
      },
      select: messageSelect,
    });
    // Translations of the old text are never served again (they are keyed by version), and
    // the text they translate is gone: so are they.
    await tx.messageTranslation.deleteMany({ where: { messageId: message.id } });
    const audience = await audienceWithReaders(tx, message.threadId);
    return {
      message: edited,
      channelEpoch: member.thread.channelEpoch,
      historyCut: audience.historyCut,
      readers: audience.translationReaders,
    };
  });
  const reactions = await reactionSummaries(deps.db, [message.id], actor.userId);
  const view = toMessageView(message, reactions.get(message.id));
  deps.changes.publish(
    {
      type: "message.edited",
      threadId: view.threadId,
      sequence: view.changeSequence,
      message: view,
      channelEpoch,
      historyCut,
      translationReaders: readers,
    },
    actor,
  );
  return view;
}
