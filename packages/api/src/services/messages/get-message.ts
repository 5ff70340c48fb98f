import type { UserActor } from "../../actor";
import type { ServiceDeps } from "../../deps";
import { toMessageView, type MessageView } from "../../shapes/message";
import { reactionSummaries } from "../reactions/summaries";
import { findVisibleMessage } from "./locate-message";

export async function getMessage(
  deps: ServiceDeps,
  actor: UserActor,
  input: { messageId: string },
): Promise<MessageView> {
  const { message } = await findVisibleMessage(deps.db, input.messageId, actor.userId);
  const reactions = await reactionSummaries(deps.db, [message.id], actor.userId);
  return toMessageView(message, reactions.get(message.id));
}
