import { connection } from "next/server";
import type { DatabaseHealth } from "@/server/health/database";
import type { RealtimeHealth } from "@/server/health/realtime";
import { checkHealth } from "@/server/health/report";
import { StatusItem } from "./status-item";

export default async function HomePage() {
  await connection(); // rendered per request: a build must never open the database
  const { database, realtime } = await checkHealth();
  return (
    <main>
      <h1>Spool</h1>
      <p>Chat for people in the browser and for the apps they already use.</p>
      <dl className="status">
        <StatusItem name="App" ok detail="up" />
        <StatusItem name="Database" ok={database.reachable} detail={describeDatabase(database)} />
        <StatusItem name="Realtime" ok={realtime.reachable} detail={describeRealtime(realtime)} />
      </dl>
    </main>
  );
}

function describeDatabase(health: DatabaseHealth): string {
  return health.reachable
    ? `reachable (${health.engine}, ${health.roundTripMs} ms round trip)`
    : `unreachable: ${health.error}`;
}

function describeRealtime(health: RealtimeHealth): string {
  const where = `${health.label}, ${health.url}`;
  return health.reachable ? `reachable (${where})` : `not reachable (${where}): ${health.error}`;
}
