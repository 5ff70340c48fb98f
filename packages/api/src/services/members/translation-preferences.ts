import type { UserActor } from "../../actor";
import type { ServiceDeps } from "../../deps";
import { notAMember } from "../membership";

export interface MemberPreferences {
  threadId: string;
  /** This thread's own "translate automatically"; null follows the user's setting. */
  autoTranslate: boolean | null;
}

export async function getMemberPreferences(
  deps: ServiceDeps,
  actor: UserActor,
  input: { threadId: string },
): Promise<MemberPreferences> {
  const member = await deps.db.member.findUnique({
    where: { threadId_userId: { threadId: input.threadId, userId: actor.userId } },
    select: { threadId: true, autoTranslate: true },
  });
  if (!member) throw notAMember(input.threadId);
  return member;
}

export async function updateMemberPreferences(
  deps: ServiceDeps,
  actor: UserActor,
  input: { threadId: string; autoTranslate: boolean | null },
): Promise<MemberPreferences> {
  const { count } = await deps.db.member.updateMany({
    where: { threadId: input.threadId, userId: actor.userId },
    data: { autoTranslate: input.autoTranslate },
  });
  if (count === 0) throw notAMember(input.threadId);
  return { threadId: input.threadId, autoTranslate: input.autoTranslate };
}
