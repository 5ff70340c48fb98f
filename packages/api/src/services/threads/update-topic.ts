import type { UserActor } from "../../actor";
import type { ServiceDeps } from "../../deps";
import type { MessageView } from "../../shapes/message";
import type { ThreadView } from "../../shapes/thread";
import { appendActivity } from "../activities";
import { requireMember } from "../membership";
import { getThread } from "./get-thread";

/** Changes the topic and records who changed it from what to what in the history. */
export async function updateTopic(
  deps: ServiceDeps,
  actor: UserActor,
  input: { threadId: string; topic: string },
): Promise<ThreadView> {
  const { threadId, topic } = input;
  const activity = await deps.db.$transaction(async (tx): Promise<MessageView | null> => {
    await requireMember(tx, threadId, actor.userId);
    // Locked, so that two renames at once each record the topic they really replaced.
    const [before] = await tx.$queryRaw<{ topic: string }[]>`
      SELECT topic FROM "Thread" WHERE id = ${threadId}::uuid FOR UPDATE`;
    if (!before || before.topic === topic) return null;
    await tx.thread.update({ where: { id: threadId }, data: { topic } });
    return appendActivity(tx, threadId, {
      type: "topic_updated",
      actorId: actor.userId,
      oldTopic: before.topic,
      newTopic: topic,
    });
  });
  if (activity) {
    deps.changes.publish(
      { type: "thread.updated", threadId, topic, sequence: activity.sequence, message: activity },
      actor,
    );
  }
  return getThread(deps, actor, input);
}
