import type { ServiceDeps } from "../../deps";

/**
 * A user for another app. With an externalId, calling again returns the same user (its name
 * updated), so an app can call this whenever one of its users opens chat.
 */
export async function createUser(deps: ServiceDeps, input: { name: string; externalId?: string }) {
  const select = { id: true, name: true, externalId: true, createdAt: true } as const;
  if (!input.externalId) return deps.db.user.create({ data: { name: input.name }, select });
  return deps.db.user.upsert({
    where: { externalId: input.externalId },
    create: { name: input.name, externalId: input.externalId },
    update: { name: input.name },
    select,
  });
}
