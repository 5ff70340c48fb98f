import type { UserActor } from "../../actor";
import type { ServiceDeps } from "../../deps";
import type { ThreadView } from "../../shapes/thread";
import { appendActivity } from "../activities";
import { threadAudience } from "../audience";
import { requireMember } from "../membership";
import { lockThread } from "../thread-lock";
import { getThread } from "./get-thread";

/** Changes the topic and records who changed it from what to what in the history. */
export async function updateTopic(
  deps: ServiceDeps,
  actor: UserActor,
  input: { threadId: string; topic: string },
): Promise<ThreadView> {
  const { threadId, topic } = input;
  const renamed = await deps.db.$transaction(async (tx) => {
    // Locked first, so that two renames at once each record the topic they really replaced.
    await lockThread(tx, threadId);
    const member = await requireMember(tx, threadId, actor.userId);
    const before = await tx.thread.findUnique({ where: { id: threadId }, select: { topic: true } });
    if (!before || before.topic === topic) return null;
    await tx.thread.update({ where: { id: threadId }, data: { topic } });
    const activity = await appendActivity(tx, threadId, {
      type: "topic_updated",
      actorId: actor.userId,
      oldTopic: before.topic,
      newTopic: topic,
    });
    const audience = await threadAudience(tx, threadId);
    return { activity, channelEpoch: member.thread.channelEpoch, ...audience };
  });
  if (renamed) {
    const { activity, ...to } = renamed;
    deps.changes.publish(
      {
        type: "thread.updated",
        threadId,
        topic,
        sequence: activity.sequence,
        message: activity,
        ...to,
      },
      actor,
    );
  }
  return getThread(deps, actor, input);
}
