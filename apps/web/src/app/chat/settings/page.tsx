import type { Metadata } from "next";
import Link from "next/link";
import { TranslationSettingsForm } from "@/components/settings/translation-settings-form";

export const metadata: Metadata = { title: "Settings · Spool" };

export default function SettingsPage() {
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <header className="flex items-center gap-3 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
        {/* On a phone the list is hidden here: this is the way back to it. */}
        <Link
          href="/chat"
          className="rounded-md px-2 py-1 text-sm font-medium text-indigo-600 hover:bg-zinc-100 md:hidden dark:text-indigo-400 dark:hover:bg-zinc-900"
        >
          <span aria-hidden>‹ </span>Threads
        </Link>
        <h1 className="text-lg font-semibold">Settings</h1>
      </header>
      <div className="min-h-0 flex-1 overflow-y-auto p-4">
        <TranslationSettingsForm />
      </div>
    </div>
  );
}
