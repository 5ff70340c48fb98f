import { connection } from "next/server";
import { answerRealtimeConfig } from "@/server/realtime-config";

/** How any client (the SDK, another app) reaches the realtime server; see the server module. */
export async function GET(): Promise<Response> {
  await connection(); // read per request from the running configuration, never at build time
  return answerRealtimeConfig();
}
