import type { UserActor } from "../../actor";
import type { ServiceDeps } from "../../deps";

export const preferencesSelect = { language: true, autoTranslate: true } as const;

export function updatePreferences(
  deps: ServiceDeps,
  actor: UserActor,
  input: { language?: string | null; autoTranslate?: boolean },
): Promise<{ language: string | null; autoTranslate: boolean }> {
  return deps.db.user.update({
    where: { id: actor.userId },
    data: { language: input.language, autoTranslate: input.autoTranslate },
    select: preferencesSelect,
  });
}
