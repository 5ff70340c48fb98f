import { SpoolAdmin, SpoolClient, type SpoolClientOptions } from "../../src";
import { ACCESS_KEY, type SpoolServer } from "./spool-server";

export interface TestUser {
  id: string;
  name: string;
  client: SpoolClient;
}

/** Users made as an app's backend makes them, each with a client on a fresh token. */
export function usersOf(spool: SpoolServer) {
  const admin = new SpoolAdmin({ url: spool.url, accessKey: ACCESS_KEY });
  const clients: SpoolClient[] = [];
  const user = async (
    name: string,
    options: Partial<SpoolClientOptions> = {},
  ): Promise<TestUser> => {
    const { id } = await admin.createUser({ name });
    const { token } = await admin.issueToken(id);
    const client = new SpoolClient({ url: spool.url, token, ...options });
    clients.push(client);
    return { id, name, client };
  };
  return {
    admin,
    user,
    /** Disconnects every client made here. */
    disconnectAll: () => clients.splice(0).forEach((client) => client.disconnect()),
  };
}
