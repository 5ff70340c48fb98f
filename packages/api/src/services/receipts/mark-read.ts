import type { UserActor } from "../../actor";
import type { ServiceDeps } from "../../deps";
import { requireMember } from "../membership";

/**
 * Moves the caller's read horizon forward to `sequence` (never back, never past the thread's
 * latest). Reading in several tabs at once is safe: the furthest one wins.
 */
export async function markRead(
  deps: ServiceDeps,
  actor: UserActor,
  input: { threadId: string; sequence: number },
): Promise<{ lastReadSequence: number; lastReadAt: Date | null }> {
  const { threadId } = input;
  const member = await requireMember(deps.db, threadId, actor.userId);
  const sequence = Math.min(input.sequence, member.thread.lastSequence);
  const readAt = new Date();
  const moved = await deps.db.member.updateMany({
    where: { threadId, userId: actor.userId, lastReadSequence: { lt: sequence } },
    data: { lastReadSequence: sequence, lastReadAt: readAt },
  });
  if (moved.count === 0) {
    const current = await requireMember(deps.db, threadId, actor.userId);
    return { lastReadSequence: current.lastReadSequence, lastReadAt: current.lastReadAt };
  }
  deps.changes.publish(
    {
      type: "read-receipt",
      threadId,
      sequence: member.thread.lastSequence,
      channelEpoch: member.thread.channelEpoch,
      userId: actor.userId,
      lastReadSequence: sequence,
      readAt,
    },
    actor,
  );
  return { lastReadSequence: sequence, lastReadAt: readAt };
}
