import type { UserActor } from "../../actor";
import type { ServiceDeps } from "../../deps";

/**
 * People to start a chat with, by name or username, the caller left out. Only people the
 * caller may reach: browser accounts (a username or a sign-in provider), another app's users
 * that the app made discoverable, and anyone already sharing a thread with the caller.
 */
export async function searchUsers(
  deps: ServiceDeps,
  actor: UserActor,
  input: { query: string; limit: number },
): Promise<{ id: string; name: string; username: string | null }[]> {
  const contains = { contains: input.query, mode: "insensitive" as const };
  return deps.db.user.findMany({
    where: {
      id: { not: actor.userId },
      AND: [
        { OR: [{ name: contains }, { username: contains }] },
        {
          OR: [
            { username: { not: null } },
            { accounts: { some: {} } },
            { discoverable: true },
            { memberships: { some: { thread: { members: { some: { userId: actor.userId } } } } } },
          ],
        },
      ],
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: input.limit,
    select: { id: true, name: true, username: true },
  });
}
