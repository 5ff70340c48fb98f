import Link from "next/link";
import { cookies, headers } from "next/headers";
import { csrfTokenFrom } from "@/server/auth/csrf-cookie";
import { oauthProviders } from "@/server/auth/session";
import { AuthCard } from "../auth-card";
import { SignInForm } from "./sign-in-form";

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  const { callbackUrl, error } = await searchParams;
  return (
    <AuthCard title="Sign in">
      <SignInForm
        callbackUrl={safeCallback(callbackUrl, (await headers()).get("host"))}
        csrfToken={csrfTokenFrom(await cookies())}
        providers={oauthProviders()}
        initialError={error}
      />
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        New here?{" "}
        <Link
          className="font-medium text-indigo-600 dark:text-indigo-400 underline"
          href="/sign-up"
        >
          Create an account
        </Link>
      </p>
    </AuthCard>
  );
}

/**
 * Only paths on this site: an open redirect would hand a phishing page a trusted link.
 * next-auth passes its callbackUrl on as an absolute URL on this host.
 */
function safeCallback(url: string | undefined, host: string | null): string {
  if (!url) return "/chat";
  try {
    const parsed = new URL(url, "http://spool.local");
    const here = parsed.host === "spool.local" || parsed.host === host || url.startsWith("/");
    const path = `${parsed.pathname}${parsed.search}`;
    return here && path !== "/" ? path : "/chat";
  } catch {
    return "/chat";
  }
}
