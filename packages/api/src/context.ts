import type { Actor } from "./actor";
import type { ServiceDeps } from "./deps";
import { authenticate, type Credentials } from "./services/identity/authenticate";

export interface Context {
  deps: ServiceDeps;
  actor: Actor;
  /**
   * The caller's network address as the host derives it, for limits per address; asked only
   * by the few procedures limited that way.
   */
  clientAddress?: () => string | null;
}

export type ContextOptions = Omit<Credentials, "authorization" | "socketId"> & {
  deps: ServiceDeps;
  headers: Pick<Headers, "get">;
  clientAddress?: () => string | null;
};

/** Builds a request's context: the shared deps and who is calling. */
export async function createContext({
  deps,
  headers,
  clientAddress,
  ...rest
}: ContextOptions): Promise<Context> {
  const actor = await authenticate(deps, {
    ...rest,
    authorization: headers.get("authorization"),
    // pusher-js socket ids look like "123.456"; anything else is ignored.
    socketId: /^\d+\.\d+$/.test(headers.get("x-socket-id") ?? "")
      ? headers.get("x-socket-id")!
      : undefined,
  });
  return { deps, actor, clientAddress };
}
