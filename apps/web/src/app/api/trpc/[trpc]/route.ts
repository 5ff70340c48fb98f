import { appRouter, createContext } from "@spool/api";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { accessKey } from "@/server/secrets";
import { getApiDeps } from "@/server/api-deps";
import { sessionUserId } from "@/server/auth/session";
import { clientAddress } from "@/server/client-address";

/** The API, for the browser and for other apps: `/api/trpc/<router>.<procedure>`. */
function handler(request: Request): Promise<Response> {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: async () =>
      createContext({
        deps: await getApiDeps(),
        headers: request.headers,
        clientAddress: clientAddress(request.headers),
        accessKey: accessKey(),
        sessionUserId,
      }),
    // Answers depend on who asks and change with every message: never cached anywhere.
    responseMeta: () => ({ headers: { "Cache-Control": "no-store" } }),
    onError({ error, path }) {
      // Refusals are the caller's business; only a failure on the server is worth a log line.
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"}:`, error);
    },
  });
}

export { handler as GET, handler as POST };
