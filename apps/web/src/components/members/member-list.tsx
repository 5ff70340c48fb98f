"use client";

import { useId } from "react";
import type { ThreadMember } from "@/lib/api-types";
import { MemberRow } from "./member-row";

/** Everyone in the thread, oldest member first; owners may remove others from a group. */
export function MemberList({
  threadId,
  members,
  meId,
  canRemoveOthers,
}: {
  threadId: string;
  members: ThreadMember[];
  meId: string;
  canRemoveOthers: boolean;
}) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} className="text-sm font-semibold text-zinc-500 dark:text-zinc-400">
        {members.length} {members.length === 1 ? "member" : "members"}
      </h3>
      <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
        {members.map((member) => (
          <MemberRow
            key={member.userId}
            threadId={threadId}
            member={member}
            isMe={member.userId === meId}
            canRemove={canRemoveOthers && member.userId !== meId}
          />
        ))}
      </ul>
    </section>
  );
}
