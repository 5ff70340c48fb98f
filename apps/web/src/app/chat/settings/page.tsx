import type { Metadata } from "next";
import { PageHeader } from "@/components/chat-shell/page-header";
import { TranslationSettingsForm } from "@/components/settings/translation-settings-form";

export const metadata: Metadata = { title: "Settings · Spool" };

export default function SettingsPage() {
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <PageHeader title="Settings" />
      <div className="min-h-0 flex-1 overflow-y-auto p-4">
        <TranslationSettingsForm />
      </div>
    </div>
  );
}
