import { handleApiRequest } from "@spool/api";
import { accessKey } from "@/server/secrets";
import { getApiDeps } from "@/server/api-deps";
import { sessionUserId } from "@/server/auth/session";
import { clientAddress } from "@/server/client-address";

/** The API, for the browser and for other apps: `/api/trpc/<router>.<procedure>`. */
function handler(request: Request): Promise<Response> {
  return handleApiRequest(request, {
    context: async () => ({
      deps: await getApiDeps(),
      clientAddress: clientAddress(request.headers),
      accessKey: accessKey(),
      sessionUserId,
    }),
  });
}

// Every method Next.js routes, so that the API itself answers 405 with an Allow header.
export {
  handler as GET,
  handler as POST,
  handler as HEAD,
  handler as OPTIONS,
  handler as PUT,
  handler as PATCH,
  handler as DELETE,
};
