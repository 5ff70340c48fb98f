import { AuthCard } from "../auth-card";
import { AuthLink } from "../auth-link";

/** next-auth's "check your email" page: Spool sends no sign-in links, so it says what to do. */
export default function VerifyRequestPage() {
  return (
    <AuthCard title="No sign-in link was sent">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Spool does not sign in by email. Sign in with your username and password, or with a provider
        the sign-in page offers.
      </p>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        <AuthLink href="/sign-in">Sign in</AuthLink>
      </p>
    </AuthCard>
  );
}
