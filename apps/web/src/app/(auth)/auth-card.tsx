import type { ReactNode } from "react";

/** The frame of the sign-in and sign-up pages. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="mx-auto flex min-h-dvh max-w-sm flex-col justify-center gap-6 px-6 py-12">
      <div>
        <p className="text-sm font-semibold text-indigo-600 dark:text-indigo-400">Spool</p>
        <h1 className="text-2xl font-bold">{title}</h1>
      </div>
      {children}
    </main>
  );
}
