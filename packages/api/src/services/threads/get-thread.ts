import type { UserActor } from "../../actor";
import type { ServiceDeps } from "../../deps";
import { threadSelect, toThreadView, type ThreadView } from "../../shapes/thread";
import { requireMember } from "../membership";

export async function getThread(
  deps: ServiceDeps,
  actor: UserActor,
  input: { threadId: string },
): Promise<ThreadView> {
  await requireMember(deps.db, input.threadId, actor.userId);
  const row = await deps.db.thread.findUniqueOrThrow({
    where: { id: input.threadId },
    select: threadSelect,
  });
  return toThreadView(row);
}
