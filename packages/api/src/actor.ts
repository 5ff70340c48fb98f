import type { TokenScope } from "@spool/db";

/** Who is calling, as established by the context from a session, a token or the access key. */
export type Actor =
  | { kind: "user"; user: UserActor }
  /**
   * A bearer token this process verified before: who it belongs to is known, whether it has
   * been revoked since is not, yet. `checkedActor` turns it into a user or a refusal.
   */
  | { kind: "token"; user: UserActor & { uncheckedToken: string } }
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
  /**
   * The hash of the bearer token this user came from, while nothing in the request has checked
   * yet that it was not revoked since it was cached. Only a service that checks it in its own
   * statement ever sees it set (`message.send`); every other procedure checks first.
   */
  uncheckedToken?: string;
}
