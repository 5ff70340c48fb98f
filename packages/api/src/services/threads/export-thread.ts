import type { UserActor } from "../../actor";
import type { ServiceDeps } from "../../deps";
import { messageSelect, toMessageView } from "../../shapes/message";
import { requireMember, visibleTo } from "../membership";
import { reactionSummaries } from "../reactions/summaries";
import { listMembers } from "../members/list-members";
import { getThread } from "./get-thread";

const BATCH = 1000;

/** The whole history the caller can see, as one JSON document, e.g. before deleting. */
export async function exportThread(
  deps: ServiceDeps,
  actor: UserActor,
  input: { threadId: string },
) {
  const member = await requireMember(deps.db, input.threadId, actor.userId);
  const thread = await getThread(deps, actor, input);
  const members = await listMembers(deps, actor, input);
  const history = [];
  // In batches: a long thread is exported without holding it all in one query.
  for (let after = 0; ;) {
    const rows = await deps.db.message.findMany({
      where: { threadId: input.threadId, sequence: { gt: after }, ...visibleTo(member) },
      orderBy: { sequence: "asc" },
      take: BATCH,
      select: messageSelect,
    });
    const reactions = await reactionSummaries(
      deps.db,
      rows.map((row) => row.id),
      actor.userId,
    );
    history.push(...rows.map((row) => toMessageView(row, reactions.get(row.id))));
    if (rows.length < BATCH) break;
    after = rows.at(-1)!.sequence;
  }
  return { exportedAt: new Date(), thread, members, history };
}
