import "server-only";
import { handleApiRequest } from "@spool/api";
import { getApiDeps } from "./api-deps";
import { sessionUserIdOf } from "./auth/session";
import { clientAddress } from "./client-address";
import { accessKey } from "./secrets";

/**
 * The API's answer to one request, with the web app's context: the Next.js route and Spool's
 * own server (`npm start`) both call exactly this.
 */
export function answerApiRequest(request: Request): Promise<Response> {
  return handleApiRequest(request, {
    context: async () => ({
      deps: await getApiDeps(),
      clientAddress: clientAddress(request.headers),
      accessKey: accessKey(),
      sessionUserId: () => sessionUserIdOf(request),
    }),
  });
}
