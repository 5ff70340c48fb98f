import type { UserActor } from "../../actor";
import type { ServiceDeps } from "../../deps";
import { requireMember } from "../membership";

/** Tells the thread the caller is typing. Nothing is stored: it is stale in seconds. */
export async function notifyTyping(
  deps: ServiceDeps,
  actor: UserActor,
  input: { threadId: string },
): Promise<void> {
  const { threadId } = input;
  const member = await requireMember(deps.db, threadId, actor.userId);
  await deps.limits.consume("typing", `${actor.userId}:${threadId}`);
  const user = await deps.db.user.findUniqueOrThrow({
    where: { id: member.userId },
    select: { name: true },
  });
  deps.changes.publish(
    {
      type: "typing",
      threadId,
      sequence: member.thread.lastSequence,
      channelEpoch: member.thread.channelEpoch,
      userId: actor.userId,
      name: user.name,
    },
    actor,
  );
}
