"use client";

import { Button } from "@spool/ui";
import {
  createContext,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from "react";

interface Notice {
  id: number;
  text: string;
}

interface Notices {
  notices: Notice[];
  notify(text: string): void;
  dismiss(id: number): void;
}

const NoticesContext = createContext<Notices | null>(null);

/** Short messages about things that happened to the user, e.g. being removed from a thread. */
export function NoticesProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const lastId = useRef(0);
  const notify = useCallback((text: string) => {
    const id = ++lastId.current;
    setNotices((shown) => [...shown.slice(-2), { id, text }]);
  }, []);
  const dismiss = useCallback(
    (id: number) => setNotices((shown) => shown.filter((notice) => notice.id !== id)),
    [],
  );
  const value = useMemo(() => ({ notices, notify, dismiss }), [notices, notify, dismiss]);
  return <NoticesContext.Provider value={value}>{children}</NoticesContext.Provider>;
}

export function useNotify(): (text: string) => void {
  const notices = useContext(NoticesContext);
  if (!notices) throw new Error("useNotify() is only available inside the chat shell");
  return notices.notify;
}

/**
 * The notices, each until dismissed. Screen readers hear the newest from a live region that is
 * always present (one that appears with its text is often not announced) and holds no buttons.
 */
export function NoticeList() {
  const { notices, dismiss } = useContext(NoticesContext)!;
  return (
    <div>
      <p role="status" aria-live="polite" className="sr-only">
        {notices.at(-1)?.text}
      </p>
      {notices.map((notice) => (
        <div
          key={notice.id}
          className="flex items-center justify-between gap-3 border-b border-sky-200 bg-sky-50 px-4 py-2 text-sm text-sky-900 dark:border-sky-900 dark:bg-sky-950 dark:text-sky-100"
        >
          <p className="min-w-0 break-words">{notice.text}</p>
          <Button look="ghost" className="shrink-0" onClick={() => dismiss(notice.id)}>
            Dismiss
          </Button>
        </div>
      ))}
    </div>
  );
}
