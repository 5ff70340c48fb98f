import { env } from "@spool/env";
import type { Database } from "./client";
import { getDatabase } from "./runtime";
import { DEMO_PASSWORD, DEMO_USERNAMES, seedDemoData } from "./seed/demo-seed";

/**
 * Opens the database when a server starts. On the embedded default in development it also
 * seeds the demo users into an empty database and says how to sign in.
 */
export async function startDatabase(log: (line: string) => void = console.log): Promise<Database> {
  const database = await getDatabase();
  const applied = database.migrations?.applied ?? [];
  if (applied.length > 0)
    log(`Database: applied ${applied.length} migration(s): ${applied.join(", ")}`);
  for (const name of database.migrations?.modified ?? []) {
    log(`Database: migration ${name} was changed after it was applied; the change is not applied.`);
  }

  if (database.kind === "pglite" && env.NODE_ENV === "development") {
    if ((await database.prisma.user.count()) === 0) {
      await seedDemoData(database.prisma);
      log("Database: seeded the demo users and threads.");
    }
    log(`Demo sign-in: ${DEMO_USERNAMES.join(", ")} with password "${DEMO_PASSWORD}"`);
  }
  return database;
}
