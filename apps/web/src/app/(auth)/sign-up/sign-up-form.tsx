"use client";

import { Button, TextField } from "@spool/ui";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { describeApiError } from "@/lib/api-error";
import { apiFieldError } from "@/lib/api-field-error";
import { useTRPC } from "@/lib/trpc";

const fields = ["username", "name", "password"] as const;
type Field = (typeof fields)[number];

export function SignUpForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const signUp = useMutation(trpc.account.signUp.mutationOptions());
  const [errors, setErrors] = useState<Partial<Record<Field | "form", string>>>({});

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      username: String(form.get("username") ?? ""),
      name: String(form.get("name") ?? ""),
      password: String(form.get("password") ?? ""),
    };
    try {
      await signUp.mutateAsync(input);
    } catch (error) {
      const failure = describeApiError(error);
      const byField = Object.fromEntries(
        fields.flatMap((field) => {
          const message = apiFieldError(error, field);
          return message ? [[field, message]] : [];
        }),
      );
      if (failure.code === "USERNAME_TAKEN") byField.username = failure.message;
      setErrors(Object.keys(byField).length > 0 ? byField : { form: failure.message });
      return;
    }
    await signIn("credentials", {
      username: input.username,
      password: input.password,
      redirect: false,
    });
    router.push("/chat");
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      <TextField
        label="Username"
        name="username"
        autoComplete="username"
        hint="3-32 letters, digits or . _ -"
        error={errors.username}
        required
        autoFocus
      />
      <TextField
        label="Display name"
        name="name"
        autoComplete="name"
        hint="How others see you"
        error={errors.name}
        required
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 8 characters"
        error={errors.password}
        required
      />
      {errors.form && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {errors.form}
        </p>
      )}
      <Button type="submit" disabled={signUp.isPending}>
        {signUp.isPending ? "Creating…" : "Create account"}
      </Button>
    </form>
  );
}
