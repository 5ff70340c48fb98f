import type { UserActor } from "../../actor";
import type { ServiceDeps } from "../../deps";
import { preferencesSelect } from "./update-preferences";

export function getMe(deps: ServiceDeps, actor: UserActor) {
  return deps.db.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { id: true, name: true, username: true, image: true, ...preferencesSelect },
  });
}
