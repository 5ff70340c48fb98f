import "server-only";
import { getServerSession } from "next-auth";
import { authOptions } from "./options";

/** The signed-in user's id in a server component or route handler, or null. */
export async function sessionUserId(): Promise<string | null> {
  const session = await getServerSession(authOptions());
  return session?.user.id ?? null;
}

/** The names of the OAuth providers this deployment offers, for the sign-in page. */
export function oauthProviders(): { id: string; name: string }[] {
  return authOptions()
    .providers.filter((provider) => provider.type === "oauth")
    .map(({ id, name }) => ({ id, name }));
}
