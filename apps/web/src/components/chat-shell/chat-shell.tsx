"use client";

import type { ReactNode } from "react";
import { ThreadList } from "@/components/thread-list/thread-list";
import { MeContext, type Me } from "./me-context";

/**
 * The two panes: the thread list, and the open thread (or new chat). On a phone only one
 * shows at a time: the list at /chat, the thread elsewhere.
 */
export function ChatShell({ me, children }: { me: Me; children: ReactNode }) {
  return (
    <MeContext.Provider value={me}>
      <div className="flex h-dvh">
        <ThreadList />
        <main className="flex min-w-0 flex-1 flex-col">{children}</main>
      </div>
    </MeContext.Provider>
  );
}
