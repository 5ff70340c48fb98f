"use client";

import { Button, TextField } from "@spool/ui";
import type { Route } from "next";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";

const messages: Record<string, string> = {
  CredentialsSignin: "That username and password do not match an account.",
  OAuthAccountNotLinked: "That account is linked to another sign-in method.",
};

export function SignInForm({
  callbackUrl,
  csrfToken,
  providers,
  initialError,
}: {
  callbackUrl: string;
  /** next-auth's, for a submission before hydration (or without JavaScript). */
  csrfToken?: string;
  providers: { id: string; name: string }[];
  initialError?: string;
}) {
  const router = useRouter();
  const [error, setError] = useState(
    initialError && (messages[initialError] ?? "Signing in failed; try again."),
  );
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    const result = await signIn("credentials", {
      username: form.get("username"),
      password: form.get("password"),
      redirect: false,
    });
    setBusy(false);
    if (result?.ok) router.push(callbackUrl as Route);
    else
      setError(
        result?.error && result.error !== "CredentialsSignin"
          ? result.error
          : messages.CredentialsSignin,
      );
  }

  return (
    <div className="flex flex-col gap-4">
      {/* Submitted before hydration, the browser posts the form to next-auth itself: the
          password goes in the body, never in a URL, and next-auth redirects back. */}
      <form
        method="post"
        action="/api/auth/callback/credentials"
        onSubmit={submit}
        className="flex flex-col gap-4"
        noValidate
      >
        <input type="hidden" name="csrfToken" value={csrfToken ?? ""} />
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <TextField label="Username" name="username" autoComplete="username" required autoFocus />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
        {error && (
          <p role="alert" className="text-sm text-red-600 dark:text-red-400">
            {error}
          </p>
        )}
        <Button type="submit" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      {providers.map((provider) => (
        <Button
          key={provider.id}
          look="secondary"
          onClick={() => void signIn(provider.id, { callbackUrl })}
        >
          Continue with {provider.name}
        </Button>
      ))}
    </div>
  );
}
