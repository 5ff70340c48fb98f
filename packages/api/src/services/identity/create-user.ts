import type { ServiceDeps } from "../../deps";

/**
 * A user for another app. With an externalId, calling again returns the same user (its name
 * updated), so an app can call this whenever one of its users opens chat. People search finds
 * the user only when the app says so (`discoverable`), or once they share a thread.
 */
export async function createUser(
  deps: ServiceDeps,
  input: { name: string; externalId?: string; discoverable?: boolean },
) {
  const select = {
    id: true,
    name: true,
    externalId: true,
    discoverable: true,
    createdAt: true,
  } as const;
  const { name, externalId, discoverable } = input;
  const create = { name, discoverable: discoverable ?? false };
  if (!externalId) return deps.db.user.create({ data: create, select });
  return deps.db.user.upsert({
    where: { externalId },
    create: { ...create, externalId },
    update: { name, discoverable },
    select,
  });
}
