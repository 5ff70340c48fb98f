import Link from "next/link";
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
        callbackUrl={safeCallback(callbackUrl)}
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

/** Only paths on this site: an open redirect would hand a phishing page a trusted link. */
function safeCallback(url: string | undefined): string {
  if (!url) return "/chat";
  try {
    const parsed = new URL(url, "http://spool.local");
    return parsed.host === "spool.local" || url.startsWith("/")
      ? `${parsed.pathname}${parsed.search}`
      : "/chat";
  } catch {
    return "/chat";
  }
}
