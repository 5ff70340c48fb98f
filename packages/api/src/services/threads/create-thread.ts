import { directPairKey, Prisma } from "@spool/db";
import type { z } from "zod";
import type { UserActor } from "../../actor";
import type { ServiceDeps } from "../../deps";
import { DomainError } from "../../errors";
import type { CreateThreadInput } from "../../inputs/thread";
import { threadSelect, toThreadView, type ThreadView } from "../../shapes/thread";
import { requireUsers } from "../users/require-users";

/**
 * A group thread with the caller as owner, or the 1:1 thread between the caller and another
 * user. There is one 1:1 thread per pair: asking again returns it (`created: false`).
 */
export async function createThread(
  deps: ServiceDeps,
  actor: UserActor,
  input: z.output<typeof CreateThreadInput>,
): Promise<{ thread: ThreadView; created: boolean }> {
  if (input.kind === "direct") {
    if (input.userId === actor.userId) {
      throw new DomainError("INVALID_INPUT", "A 1:1 thread needs another user than yourself.");
    }
    const pairKey = directPairKey(actor.userId, input.userId);
    const existing = await findDirect(deps, pairKey);
    if (existing) return { thread: existing, created: false };
  }

  await deps.limits.consume("createThread", actor.userId);
  const others = input.kind === "direct" ? [input.userId] : input.memberIds;
  const memberIds = await requireUsers(deps.db, [actor.userId, ...others]);
  try {
    const row = await deps.db.thread.create({
      data: {
        kind: input.kind,
        topic: input.kind === "group" ? input.topic : "",
        directPairKey: input.kind === "direct" ? directPairKey(actor.userId, input.userId) : null,
        createdById: actor.userId,
        members: {
          createMany: {
            data: memberIds.map((userId) => ({
              userId,
              // Either side of a 1:1 thread may delete it; in a group, its creator.
              role: input.kind === "direct" || userId === actor.userId ? "owner" : "member",
            })),
          },
        },
      },
      select: threadSelect,
    });
    const thread = toThreadView(row);
    deps.changes.publish({ type: "thread.created", thread, memberIds }, actor);
    return { thread, created: true };
  } catch (error) {
    // Both sides of a pair created their 1:1 thread at the same moment: one of them won.
    const raced =
      input.kind === "direct" &&
      error instanceof Prisma.PrismaClientKnownRequestError &&
      error.code === "P2002";
    const winner = raced ? await findDirect(deps, directPairKey(actor.userId, input.userId)) : null;
    if (winner) return { thread: winner, created: false };
    throw error;
  }
}

async function findDirect(deps: ServiceDeps, pairKey: string): Promise<ThreadView | null> {
  const row = await deps.db.thread.findUnique({
    where: { directPairKey: pairKey },
    select: threadSelect,
  });
  return row && toThreadView(row);
}
