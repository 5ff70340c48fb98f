"use client";

import { cx } from "@spool/ui";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { ThreadList } from "@/components/thread-list/thread-list";
import { ConnectionBanner } from "./connection-banner";
import { LiveThreadList } from "./live-thread-list";
import { MeContext, type Me } from "./me-context";
import { NoticeList, NoticesProvider } from "./notices";
import { mainContentId, SkipLink } from "./skip-link";

/**
 * The two panes: the thread list, and the open thread (or new chat). On a phone only one
 * shows at a time: the list at /chat, the thread elsewhere.
 */
export function ChatShell({ me, children }: { me: Me; children: ReactNode }) {
  const atList = usePathname() === "/chat";
  return (
    <MeContext.Provider value={me}>
      <NoticesProvider>
        <LiveThreadList />
        <div className="flex h-dvh flex-col">
          {/* On a phone at /chat there is no content pane to skip to. */}
          <SkipLink className={cx(atList && "max-md:hidden")} />
          <ConnectionBanner />
          <NoticeList />
          <div className="flex min-h-0 flex-1">
            <ThreadList
              className={cx(
                "w-full shrink-0 md:w-80 md:border-r md:border-zinc-200 md:dark:border-zinc-800",
                !atList && "max-md:hidden",
              )}
            />
            <main
              id={mainContentId}
              tabIndex={-1}
              className={cx("flex min-w-0 flex-1 flex-col outline-none", atList && "max-md:hidden")}
            >
              {children}
            </main>
          </div>
        </div>
      </NoticesProvider>
    </MeContext.Provider>
  );
}
