"use client";

import { useQuery } from "@tanstack/react-query";
import { useMe } from "@/components/chat-shell/me-context";
import type { ThreadMember } from "./api-types";
import { joinNames } from "./name-lists";
import { useTRPC } from "./trpc";

export interface TitledThread {
  id: string;
  kind: "direct" | "group";
  topic: string;
}

/**
 * What a thread is called: a 1:1 by the other person's name, a group by its topic or, without
 * one, by its members' names. `members` undefined: not loaded yet.
 */
export function titleOf(
  thread: TitledThread,
  members: ThreadMember[] | undefined,
  meId: string,
): string {
  if (thread.kind === "group" && thread.topic) return thread.topic;
  const others = members?.filter((member) => member.userId !== meId);
  if (thread.kind === "direct") return others?.[0]?.name ?? "Direct message";
  if (!others?.length) return members ? "Just you" : "Group chat";
  return joinNames(
    others.map((member) => member.name),
    3,
  );
}

/** The members a title needs: 1:1 threads and groups without a topic (cached per thread). */
function useTitleMembers(thread: TitledThread) {
  const trpc = useTRPC();
  const needed = thread.kind === "direct" || !thread.topic;
  return useQuery({
    ...trpc.member.list.queryOptions({ threadId: thread.id }),
    enabled: needed,
  });
}

/** The thread's title, and for a 1:1 the other person (for their avatar). */
export function useThreadTitle(thread: TitledThread): { title: string; other?: ThreadMember } {
  const me = useMe();
  const { data: members } = useTitleMembers(thread);
  const other =
    thread.kind === "direct" ? members?.find((member) => member.userId !== me.id) : undefined;
  return { title: titleOf(thread, members, me.id), other };
}
