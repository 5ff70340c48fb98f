import Link from "next/link";
import { AuthCard } from "../auth-card";
import { SignUpForm } from "./sign-up-form";

export default function SignUpPage() {
  return (
    <AuthCard title="Create an account">
      <SignUpForm />
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Have an account?{" "}
        <Link
          className="font-medium text-indigo-600 dark:text-indigo-400 underline"
          href="/sign-in"
        >
          Sign in
        </Link>
      </p>
    </AuthCard>
  );
}
