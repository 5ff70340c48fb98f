import type { UserActor } from "../../actor";
import type { ServiceDeps } from "../../deps";

/** People to start a chat with: by name or username, the caller left out. */
export async function searchUsers(
  deps: ServiceDeps,
  actor: UserActor,
  input: { query: string; limit: number },
): Promise<{ id: string; name: string; username: string | null }[]> {
  const contains = { contains: input.query, mode: "insensitive" as const };
  return deps.db.user.findMany({
    where: { id: { not: actor.userId }, OR: [{ name: contains }, { username: contains }] },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: input.limit,
    select: { id: true, name: true, username: true },
  });
}
