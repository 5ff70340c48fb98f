import type { ServiceDeps } from "../../deps";

/**
 * The user behind an OAuth sign-in (GitHub, Microsoft Entra ID), created on the first one.
 * Accounts are matched by provider and provider account id only, never by e-mail: an e-mail
 * address at one provider proves nothing about an account made elsewhere.
 */
export async function userForOAuthAccount(
  deps: ServiceDeps,
  input: {
    provider: string;
    providerAccountId: string;
    type: string;
    name: string;
    image?: string | null;
  },
): Promise<{ id: string; name: string }> {
  const { provider, providerAccountId } = input;
  const account = await deps.db.account.findUnique({
    where: { provider_providerAccountId: { provider, providerAccountId } },
    select: { user: { select: { id: true, name: true } } },
  });
  if (account) return account.user;
  return deps.db.user.create({
    data: {
      name: input.name.slice(0, 128) || "New user",
      image: input.image ?? null,
      accounts: { create: { provider, providerAccountId, type: input.type } },
    },
    select: { id: true, name: true },
  });
}
