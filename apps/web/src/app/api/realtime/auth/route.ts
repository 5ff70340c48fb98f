import { handleChannelAuth } from "@spool/api";
import { accessKey } from "@/server/secrets";
import { getApiDeps } from "@/server/api-deps";
import { sessionUserId } from "@/server/auth/session";
import { realtime } from "@/server/realtime";

/**
 * pusher-js asks here before every subscription to a private or presence channel, with the
 * browser's session or another app's bearer token; membership is checked each time.
 */
export async function POST(request: Request): Promise<Response> {
  return handleChannelAuth(request, {
    deps: await getApiDeps(),
    pusher: realtime().pusher,
    accessKey: accessKey(),
    sessionUserId,
  });
}
