import "server-only";
import { getServerSession } from "next-auth";
import { getToken } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { authSecret } from "../secrets";
import { authOptions } from "./options";

/** The signed-in user's id in a server component or route handler, or null. */
export async function sessionUserId(): Promise<string | null> {
  const session = await getServerSession(authOptions());
  return session?.user.id ?? null;
}

/**
 * The id of the user whose session cookie came with a request, or null: the same JWT that
 * sessionUserId reads, from the request's own headers, so it needs no Next.js request scope.
 */
export async function sessionUserIdOf(url: string, headers: Headers): Promise<string | null> {
  // A NextRequest of the headers only: next-auth reads its cookies from it.
  const req = new NextRequest(new URL(url, "http://localhost"), { headers });
  const token = await getToken({ req, secret: authSecret() });
  return token?.sub ?? null;
}

/** The names of the OAuth providers this deployment offers, for the sign-in page. */
export function oauthProviders(): { id: string; name: string }[] {
  return authOptions()
    .providers.filter((provider) => provider.type === "oauth")
    .map(({ id, name }) => ({ id, name }));
}
