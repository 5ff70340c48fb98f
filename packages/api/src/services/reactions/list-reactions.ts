import type { UserActor } from "../../actor";
import type { ServiceDeps } from "../../deps";
import type { ReactionSummary } from "../../shapes/message";
import { findVisibleMessage } from "../messages/locate-message";
import { reactionSummaries } from "./summaries";

export async function listReactions(
  deps: ServiceDeps,
  actor: UserActor,
  input: { messageId: string },
): Promise<ReactionSummary[]> {
  await findVisibleMessage(deps.db, input.messageId, actor.userId);
  const summaries = await reactionSummaries(deps.db, [input.messageId], actor.userId);
  return summaries.get(input.messageId) ?? [];
}
