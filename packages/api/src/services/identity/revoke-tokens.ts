import type { ServiceDeps } from "../../deps";
import { requireUsers } from "../users/require-users";

/** Ends every token of the user at once; the next request with one gets 401. */
export async function revokeTokens(deps: ServiceDeps, input: { userId: string }) {
  await requireUsers(deps.db, [input.userId]);
  const { count } = await deps.db.accessToken.updateMany({
    where: { userId: input.userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return { revoked: count };
}
