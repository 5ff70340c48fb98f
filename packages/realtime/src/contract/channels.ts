// Channel names, the only place they are spelled out. Pusher requires the `private-` and
// `presence-` prefixes for channels that need the auth endpoint's signature.

// A thread's channels carry its channel epoch, which moves on whenever a member is removed:
// events then go to channels the removed member never had a signature for.

/** Every change to one thread, for its current members. */
export const threadChannel = (threadId: string, epoch: number) =>
  `private-thread-${threadId}-${epoch}`;

/** Who is looking at a thread right now, for its members (user info: display name). */
export const presenceThreadChannel = (threadId: string, epoch: number) =>
  `presence-thread-${threadId}-${epoch}`;

/** One user's own feed: threads added and removed, new messages anywhere, for the thread list. */
export const userChannel = (userId: string) => `private-user-${userId}`;

export type ParsedChannel =
  | { kind: "thread" | "presence-thread"; threadId: string; epoch: number }
  | { kind: "user"; userId: string };

const threadPattern = /^(private|presence)-thread-([0-9a-f-]{36})-(\d{1,9})$/;
const userPattern = /^private-user-([0-9a-f-]{36})$/;

/** What a channel name refers to, or null for a name Spool never uses. */
export function parseChannel(name: string): ParsedChannel | null {
  const user = userPattern.exec(name);
  if (user) return { kind: "user", userId: user[1]! };
  const thread = threadPattern.exec(name);
  if (!thread) return null;
  const kind = thread[1] === "private" ? "thread" : "presence-thread";
  return { kind, threadId: thread[2]!, epoch: Number(thread[3]) };
}
