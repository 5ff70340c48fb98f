import type { UserActor } from "../../actor";
import type { ServiceDeps } from "../../deps";
import { threadSelect, toThreadView, type ThreadView } from "../../shapes/thread";
import { appendActivity } from "../activities";
import { requireMember } from "../membership";

/** Changes the topic and records who changed it from what to what in the history. */
export async function updateTopic(
  deps: ServiceDeps,
  actor: UserActor,
  input: { threadId: string; topic: string },
): Promise<ThreadView> {
  const { threadId, topic } = input;
  const { change, row } = await deps.db.$transaction(async (tx) => {
    await requireMember(tx, threadId, actor.userId);
    const before = await tx.thread.findUniqueOrThrow({ where: { id: threadId } });
    if (before.topic === topic) {
      return {
        change: null,
        row: await tx.thread.findUniqueOrThrow({ where: { id: threadId }, select: threadSelect }),
      };
    }
    const message = await appendActivity(tx, threadId, {
      type: "topic_updated",
      actorId: actor.userId,
      oldTopic: before.topic,
      newTopic: topic,
    });
    const row = await tx.thread.update({
      where: { id: threadId },
      data: { topic },
      select: threadSelect,
    });
    return { change: { message, sequence: message.sequence }, row };
  });
  if (change) {
    deps.changes.publish({ type: "thread.updated", threadId, topic, ...change }, actor);
  }
  return toThreadView(row);
}
