import { answerRealtimeConfig } from "@/server/realtime-config";

/** How any client (the SDK, another app) reaches the realtime server; see the server module. */
export function GET(): Response {
  return answerRealtimeConfig();
}
