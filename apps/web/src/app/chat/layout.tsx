import { realtimeDiscovery } from "@spool/api/realtime-settings";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { ChatShell } from "@/components/chat-shell/chat-shell";
import { RealtimeProvider } from "@/components/realtime/realtime-provider";
import { sessionUserId } from "@/server/auth/session";
import { realtime } from "@/server/realtime";
import { getApiDeps } from "@/server/api-deps";

/**
 * Every chat page: the signed-in user, one realtime connection, the thread list beside. The
 * connection is configured by what `GET /api/realtime/config` answers, read here directly.
 */
export default async function ChatLayout({ children }: { children: ReactNode }) {
  const userId = await sessionUserId();
  if (!userId) redirect("/sign-in?callbackUrl=/chat");
  const { db } = await getApiDeps();
  const me = await db.user.findUnique({ where: { id: userId }, select: { id: true, name: true } });
  if (!me) redirect("/sign-out"); // the account is gone: the session is stale
  return (
    <RealtimeProvider config={realtimeDiscovery(realtime().settings.client)}>
      <ChatShell me={me}>{children}</ChatShell>
    </RealtimeProvider>
  );
}
