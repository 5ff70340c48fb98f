// Channel names, the only place they are spelled out. Pusher requires the `private-` and
// `presence-` prefixes for channels that need the auth endpoint's signature.

/** Every change to one thread, for its current members. */
export const threadChannel = (threadId: string) => `private-thread-${threadId}`;

/** Who is looking at a thread right now, for its members (user info: display name). */
export const presenceThreadChannel = (threadId: string) => `presence-thread-${threadId}`;

/** One user's own feed: threads added and removed, new messages anywhere, for the thread list. */
export const userChannel = (userId: string) => `private-user-${userId}`;

export type ParsedChannel =
  | { kind: "thread" | "presence-thread"; threadId: string }
  | { kind: "user"; userId: string };

const pattern = /^(private-thread|presence-thread|private-user)-([0-9a-f-]{36})$/;

/** What a channel name refers to, or null for a name Spool never uses. */
export function parseChannel(name: string): ParsedChannel | null {
  const match = pattern.exec(name);
  if (!match) return null;
  const [, prefix, id] = match as unknown as [string, string, string];
  if (prefix === "private-user") return { kind: "user", userId: id };
  return { kind: prefix === "private-thread" ? "thread" : "presence-thread", threadId: id };
}
