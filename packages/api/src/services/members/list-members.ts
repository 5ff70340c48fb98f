import type { UserActor } from "../../actor";
import type { ServiceDeps } from "../../deps";
import { requireMember } from "../membership";

export async function listMembers(
  deps: ServiceDeps,
  actor: UserActor,
  input: { threadId: string },
) {
  await requireMember(deps.db, input.threadId, actor.userId);
  const members = await deps.db.member.findMany({
    where: { threadId: input.threadId },
    orderBy: [{ joinedAt: "asc" }, { userId: "asc" }],
    select: {
      userId: true,
      role: true,
      joinedAt: true,
      shareHistoryTime: true,
      user: { select: { name: true } },
    },
  });
  return members.map(({ user, ...member }) => ({ ...member, name: user.name }));
}
