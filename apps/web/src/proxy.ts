import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import type { NextFetchEvent } from "next/server";
import { authSecret } from "@/server/secrets";

/** Chat pages need a session: signed out, they lead to sign-in and back. */
export function proxy(request: NextRequestWithAuth, event: NextFetchEvent) {
  return withAuth({ secret: authSecret(), pages: { signIn: "/sign-in" } })(request, event);
}

export const config = { matcher: ["/chat/:path*"] };
