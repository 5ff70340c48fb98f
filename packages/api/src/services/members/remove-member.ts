import type { Prisma } from "@spool/db";
import type { UserActor } from "../../actor";
import type { ServiceDeps } from "../../deps";
import { DomainError } from "../../errors";
import type { MessageView } from "../../shapes/message";
import { appendActivity } from "../activities";
import { latestCut } from "../audience";
import { requireMember } from "../membership";

/**
 * Takes someone out of a group thread (owners only), or the caller themself (leaving). Their
 * access ends with the transaction. When the last owner leaves, the longest-standing member
 * becomes owner, so a group is never left without one; when the last member leaves, the group
 * is deleted (never by a `chat.join` token).
 */
export async function removeMember(
  deps: ServiceDeps,
  actor: UserActor,
  input: { threadId: string; userId: string },
): Promise<{ activity: MessageView | null }> {
  const { threadId, userId } = input;
  const leaving = userId === actor.userId;
  const caller = await requireMember(deps.db, threadId, actor.userId);
  if (caller.thread.kind === "direct") {
    throw new DomainError(
      "DIRECT_THREAD",
      "A 1:1 thread keeps its two members; either of you can delete it.",
    );
  }
  if (!leaving && caller.role !== "owner") {
    throw new DomainError("NOT_OWNER", "Only the thread's owner can remove other members.");
  }
  await deps.limits.consume("changeMembers", threadId);

  const removal = await deps.db.$transaction(async (tx) => {
    const removed = await tx.member.deleteMany({ where: { threadId, userId } });
    if (removed.count === 0) {
      throw new DomainError("NOT_A_MEMBER", `User ${userId} is not a member of this thread.`);
    }
    const remaining = await tx.member.findMany({
      where: { threadId },
      select: { shareHistoryTime: true },
    });
    if (remaining.length === 0) {
      // The last one out deletes the group, and deleting threads is not chat.join's to do.
      if (!actor.scopes.includes("chat")) {
        throw new DomainError(
          "SCOPE_REQUIRED",
          "You are the last member: leaving would delete the thread, which needs a token with " +
            "the 'chat' scope; this one has 'chat.join'.",
        );
      }
      await tx.thread.delete({ where: { id: threadId } });
      return null;
    }
    await keepAnOwner(tx, threadId);
    const { channelEpoch } = await tx.thread.update({
      where: { id: threadId },
      data: { channelEpoch: { increment: 1 } },
      select: { channelEpoch: true },
    });
    const activity = await appendActivity(tx, threadId, {
      type: "member_removed",
      actorId: actor.userId,
      targetUserIds: [userId],
    });
    return { activity, channelEpoch, historyCut: latestCut(remaining) };
  });
  if (!removal) {
    const { lastSequence: sequence, channelEpoch } = caller.thread;
    deps.changes.publish(
      { type: "thread.deleted", threadId, sequence, memberIds: [userId], channelEpoch },
      actor,
    );
    return { activity: null };
  }
  const { activity, channelEpoch, historyCut } = removal;
  deps.changes.publish(
    {
      type: "member.removed",
      threadId,
      sequence: activity.sequence,
      userIds: [userId],
      message: activity,
      channelEpoch,
      historyCut,
    },
    actor,
  );
  return { activity };
}

async function keepAnOwner(tx: Prisma.TransactionClient, threadId: string): Promise<void> {
  const owners = await tx.member.count({ where: { threadId, role: "owner" } });
  if (owners > 0) return;
  const successor = await tx.member.findFirst({
    where: { threadId },
    orderBy: [{ joinedAt: "asc" }, { userId: "asc" }],
  });
  if (successor) {
    await tx.member.update({
      where: { threadId_userId: { threadId, userId: successor.userId } },
      data: { role: "owner" },
    });
  }
}
