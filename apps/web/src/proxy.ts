import { env } from "@spool/env";
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { csrfTokenFrom } from "@/server/auth/csrf-cookie";
import { realtime } from "@/server/realtime";
import { authSecret } from "@/server/secrets";
import { apiSecurityHeaders, pageSecurityHeaders } from "@/server/security-headers";

// Pages whose forms post to next-auth and so need its CSRF cookie before they render, and the
// next-auth endpoint that sets it and comes straight back to the page.
const csrfEntry: Record<string, string> = {
  "/sign-in": "/api/auth/signin",
  "/sign-out": "/api/auth/signout",
};

/**
 * Every page and API response: security headers (a fresh CSP nonce per page, which Next.js
 * puts on its own scripts). Chat pages also need a session: signed out, they lead to sign-in
 * and back.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;
  if (pathname.startsWith("/api/")) {
    return withHeaders(NextResponse.next(), apiSecurityHeaders(env.SPOOL_FRAME_ANCESTORS));
  }
  const headers = pageSecurityHeaders({
    nonce: btoa(crypto.randomUUID()),
    realtime: realtime().settings.client,
    // The name the browser asked for (nextUrl says what Next.js listens on, e.g. localhost).
    pageHostname: new URL(`http://${request.headers.get("host") ?? request.nextUrl.host}`).hostname,
    frameAncestors: env.SPOOL_FRAME_ANCESTORS,
    development: env.NODE_ENV === "development",
  });

  const entry = csrfEntry[pathname];
  if (entry && request.method === "GET" && !csrfTokenFrom(request.cookies)) {
    // next-auth keeps callbackUrl and error on its way back to our page.
    return withHeaders(NextResponse.redirect(new URL(`${entry}${search}`, request.url)), headers);
  }
  if (pathname.startsWith("/chat") && !(await getToken({ req: request, secret: authSecret() }))) {
    const signIn = new URL("/sign-in", request.url);
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    return withHeaders(NextResponse.redirect(signIn), headers);
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), headers);
}

function withHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    {
      // Static files need no nonce: they get the headers that never change from next.config.ts.
      source: "/((?!_next/static|_next/image|favicon.ico).*)",
      // Prefetches fetch data, not documents: the page they lead to gets its own nonce.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
