"use client";

import { cx } from "@spool/ui";
import { useState } from "react";
import { useDebouncedValue } from "@/lib/use-debounced-value";
import { ThreadListBody } from "./thread-list-body";
import { ThreadListHeader } from "./thread-list-header";
import { TopicFilter } from "./topic-filter";

/** The caller's threads, most recent first, with a topic filter. */
export function ThreadList({ className }: { className?: string }) {
  const [filter, setFilter] = useState("");
  const topic = useDebouncedValue(filter.trim(), 300);
  return (
    <nav aria-label="Threads" className={cx("flex min-h-0 flex-col", className)}>
      <h2 className="sr-only">Threads</h2>
      <ThreadListHeader />
      <TopicFilter value={filter} onChange={setFilter} />
      <div className="min-h-0 flex-1 overflow-y-auto">
        <ThreadListBody topic={topic} />
      </div>
    </nav>
  );
}
