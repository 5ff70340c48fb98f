import type { UserActor } from "../../actor";
import type { ServiceDeps } from "../../deps";
import { DomainError } from "../../errors";
import { requireMember } from "../membership";

/** Erases the thread and its whole history for everyone. Owners only. */
export async function deleteThread(
  deps: ServiceDeps,
  actor: UserActor,
  input: { threadId: string },
): Promise<{ deleted: true }> {
  const { threadId } = input;
  const { memberIds, sequence, channelEpoch } = await deps.db.$transaction(async (tx) => {
    const member = await requireMember(tx, threadId, actor.userId);
    if (member.role !== "owner") {
      throw new DomainError(
        "NOT_OWNER",
        "Only the thread's owner can delete it; you can leave it.",
      );
    }
    const members = await tx.member.findMany({ where: { threadId }, select: { userId: true } });
    // Messages, activities, reactions, members and read horizons go with it (cascade).
    await tx.thread.delete({ where: { id: threadId } });
    const { lastSequence: sequence, channelEpoch } = member.thread;
    return { memberIds: members.map((m) => m.userId), sequence, channelEpoch };
  });
  deps.changes.publish(
    { type: "thread.deleted", threadId, sequence, memberIds, channelEpoch },
    actor,
  );
  return { deleted: true };
}
