import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { sessionUserId } from "@/server/auth/session";
import type { DatabaseHealth } from "@/server/health/database";
import type { RealtimeHealth } from "@/server/health/realtime";
import { checkHealth } from "@/server/health/report";
import { StatusItem } from "./status-item";

export default async function HomePage() {
  await connection(); // rendered per request: a build must never open the database
  if (await sessionUserId()) redirect("/chat");
  const { database, realtime } = await checkHealth();
  return (
    <main className="mx-auto flex max-w-xl flex-col gap-6 px-6 py-16">
      <div>
        <h1 className="text-4xl font-bold">Spool</h1>
        <p className="mt-1 text-zinc-600 dark:text-zinc-400">
          Chat for people in the browser and for the apps they already use.
        </p>
      </div>
      <div className="flex gap-3">
        <Link
          href="/sign-in"
          className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-500"
        >
          Sign in
        </Link>
        <Link
          href="/sign-up"
          className="rounded-md border border-zinc-300 px-4 py-2 font-medium dark:border-zinc-700"
        >
          Create an account
        </Link>
      </div>
      <dl className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
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
