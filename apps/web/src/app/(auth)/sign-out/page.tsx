import { Button } from "@spool/ui";
import { cookies } from "next/headers";
import { csrfTokenFrom } from "@/server/auth/csrf-cookie";
import { sessionUserId } from "@/server/auth/session";
import { getApiDeps } from "@/server/api-deps";
import { AuthCard } from "../auth-card";
import { AuthLink } from "../auth-link";

/**
 * next-auth's sign-out page (`/api/auth/signout` leads here), and where a chat page sends a
 * session whose account is gone, say after the database was reset. A plain form: it works
 * before hydration and without JavaScript.
 */
export default async function SignOutPage() {
  const userId = await sessionUserId();
  if (!userId) {
    return (
      <AuthCard title="You are signed out">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          <AuthLink href="/sign-in">Sign in</AuthLink> to chat again.
        </p>
      </AuthCard>
    );
  }
  const { db } = await getApiDeps();
  const me = await db.user.findUnique({ where: { id: userId }, select: { name: true } });
  return (
    <AuthCard title={me ? "Sign out?" : "Your session has ended"}>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {me
          ? `You are signed in as ${me.name}.`
          : "The account this browser was signed in to no longer exists, for example because the database was reset. Sign out, then sign in again or create a new account."}
      </p>
      <form method="post" action="/api/auth/signout" className="flex flex-col gap-4">
        <input type="hidden" name="csrfToken" value={csrfTokenFrom(await cookies()) ?? ""} />
        <input type="hidden" name="callbackUrl" value="/sign-in" />
        <Button type="submit">Sign out</Button>
      </form>
      {me && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          <AuthLink href="/chat">Back to your chats</AuthLink>
        </p>
      )}
    </AuthCard>
  );
}
