import type { UserActor } from "../../actor";
import type { ServiceDeps } from "../../deps";
import { DomainError } from "../../errors";
import { limits } from "../../limits";
import type { MessageView } from "../../shapes/message";
import { appendActivity } from "../activities";
import { latestCut } from "../audience";
import { notAMember, requireMember } from "../membership";
import { lockThread } from "../thread-lock";
import { requireUsers } from "../users/require-users";

/**
 * Adds people to a group thread and records it in the history. Users who are already members
 * are left as they are; if nobody is new, nothing changes and `activity` is null.
 */
export async function addMembers(
  deps: ServiceDeps,
  actor: UserActor,
  input: { threadId: string; userIds: string[]; shareHistoryTime?: Date },
): Promise<{ addedUserIds: string[]; activity: MessageView | null }> {
  const { threadId } = input;
  const member = await requireMember(deps.db, threadId, actor.userId);
  if (member.thread.kind === "direct") {
    throw new DomainError(
      "DIRECT_THREAD",
      "A 1:1 thread keeps its two members; start a group to add people.",
    );
  }
  await deps.limits.consume("changeMembers", threadId);
  const userIds = await requireUsers(deps.db, input.userIds);

  const result = await deps.db.$transaction(async (tx) => {
    // Two adds at once (a batch, a double click) must not both find the same person missing.
    const locked = await lockThread(tx, threadId);
    if (!locked) throw notAMember(threadId);
    const existing = await tx.member.findMany({
      where: { threadId },
      select: { userId: true, shareHistoryTime: true },
    });
    const present = new Set(existing.map((m) => m.userId));
    const added = userIds.filter((id) => !present.has(id));
    if (added.length === 0) return { addedUserIds: [], activity: null };
    if (existing.length + added.length > limits.membersPerThread) {
      throw new DomainError(
        "MEMBER_LIMIT",
        `The thread has ${existing.length} members; adding ${added.length} would pass the limit of ` +
          `${limits.membersPerThread}.`,
      );
    }
    const activity = await appendActivity(tx, threadId, {
      type: "member_added",
      actorId: actor.userId,
      targetUserIds: added,
    });
    const newMembers = added.map((userId) => ({
      threadId,
      userId,
      joinedAt: activity.createdAt,
      shareHistoryTime: input.shareHistoryTime ?? null,
    }));
    await tx.member.createMany({ data: newMembers });
    const historyCut = latestCut([...existing, ...newMembers]);
    return { addedUserIds: added, activity, channelEpoch: locked.channelEpoch, historyCut };
  });

  if (!result.activity) return { addedUserIds: [], activity: null };
  const { addedUserIds, activity, channelEpoch, historyCut } = result;
  deps.changes.publish(
    {
      type: "member.added",
      threadId,
      sequence: activity.sequence,
      userIds: addedUserIds,
      message: activity,
      channelEpoch,
      historyCut,
    },
    actor,
  );
  return { addedUserIds, activity };
}
