import { AuthCard } from "../auth-card";
import { AuthLink } from "../auth-link";

// next-auth's error codes for this page (sign-in errors go to the sign-in page instead).
const explanations: Record<string, { title: string; text: string }> = {
  Configuration: {
    title: "Sign-in is not set up",
    text: "This server's sign-in is misconfigured (its secret or a provider is missing). Whoever runs it can see what in its log.",
  },
  AccessDenied: {
    title: "Access denied",
    text: "That account may not sign in here.",
  },
  Verification: {
    title: "That sign-in link has expired",
    text: "The link was used already or is too old.",
  },
};

const fallback = {
  title: "Signing in did not work",
  text: "Something went wrong on the way. Try again.",
};

/** next-auth's error page (`/api/auth/error?error=…` leads here). */
export default async function AuthErrorPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string }>;
}) {
  const { error } = await searchParams;
  // Only our own texts: the code comes from the URL, which anyone can write.
  const { title, text } = (error && explanations[error]) || fallback;
  return (
    <AuthCard title={title}>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{text}</p>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        <AuthLink href="/sign-in">Back to sign-in</AuthLink>
      </p>
    </AuthCard>
  );
}
