import type { UserActor } from "../../actor";
import type { ServiceDeps } from "../../deps";
import { requireMember } from "../membership";

export interface ReadReceipt {
  userId: string;
  lastReadSequence: number;
  /** The history entry at the horizon; null before anything was read. */
  lastReadMessageId: string | null;
  readAt: Date | null;
}

/** Every member's read horizon. */
export async function listReceipts(
  deps: ServiceDeps,
  actor: UserActor,
  input: { threadId: string },
): Promise<ReadReceipt[]> {
  const { threadId } = input;
  await requireMember(deps.db, threadId, actor.userId);
  const members = await deps.db.member.findMany({
    where: { threadId },
    orderBy: { userId: "asc" },
    select: { userId: true, lastReadSequence: true, lastReadAt: true },
  });
  const entries = await deps.db.message.findMany({
    where: { threadId, sequence: { in: [...new Set(members.map((m) => m.lastReadSequence))] } },
    select: { id: true, sequence: true },
  });
  const idAt = new Map(entries.map((entry) => [entry.sequence, entry.id]));
  return members.map((member) => ({
    userId: member.userId,
    lastReadSequence: member.lastReadSequence,
    lastReadMessageId: idAt.get(member.lastReadSequence) ?? null,
    readAt: member.lastReadAt,
  }));
}
