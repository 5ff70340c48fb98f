import { connection } from "next/server";
import { checkHealth } from "@/server/health/report";

/** The home page's checks as JSON: 200 while the database answers, 503 when it does not. */
export async function GET(): Promise<Response> {
  await connection(); // checked per request, never at build time
  const report = await checkHealth();
  return Response.json(report, {
    status: report.database.reachable ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
