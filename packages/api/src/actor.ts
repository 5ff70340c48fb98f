import type { TokenScope } from "@spool/db";

/** Who is calling, as established by the context from a session, a token or the access key. */
export type Actor =
  | { kind: "user"; user: UserActor }
  /** Another app's backend, holding the access key: may manage identities, never chat. */
  | { kind: "service" }
  | { kind: "anonymous" }
  /** Credentials were sent but are not valid; the reason is told to the caller. */
  | { kind: "rejected"; reason: string };

export interface UserActor {
  userId: string;
  /** A browser session holds every scope; a token holds what it was issued with. */
  scopes: readonly TokenScope[];
  /** The caller's realtime connection, left out when its own change is announced. */
  socketId?: string;
}
