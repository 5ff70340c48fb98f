import type { Metadata } from "next";
import { PageHeader } from "@/components/chat-shell/page-header";
import { NewChatForm } from "@/components/new-chat/new-chat-form";

export const metadata: Metadata = { title: "New chat · Spool" };

export default function NewChatPage() {
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <PageHeader title="New chat" />
      <div className="min-h-0 flex-1 overflow-y-auto p-4">
        <NewChatForm />
      </div>
    </div>
  );
}
