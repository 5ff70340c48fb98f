import "server-only";
import { realtimeDiscovery } from "@spool/api/realtime-settings";
import { realtime } from "./realtime";

/**
 * `GET /api/realtime/config`, public: how to reach the realtime server. The Next.js route and
 * Spool's own server (`npm start`) both answer with exactly this. Nothing in it is secret; a
 * short cache spares clients a round trip per connect without outliving a redeploy by much.
 */
export function answerRealtimeConfig(): Response {
  return Response.json(realtimeDiscovery(realtime().settings.client), {
    headers: { "Cache-Control": "public, max-age=60" },
  });
}
