import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../src/client";
import { openTestDatabase, testDatabaseKinds } from "../src/testing";

// Every change to a thread bumps its row (lastSequence, and lastActivityAt for a new entry),
// hundreds of times a second in a busy thread. Those updates must stay heap-only (HOT): in
// place on the row's page, with no new index entries. With an index on either column, every
// send left a dead row version and index entries behind, and sends slowed as they piled up.

describe.each(testDatabaseKinds)("a thread's bookkeeping on %s", (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database.close());

  it("is updated in place, send after send", async () => {
    const user = await database.prisma.user.create({ data: { name: "Hot", username: "hot" } });
    const thread = await database.prisma.thread.create({
      data: { kind: "group", createdById: user.id },
    });
    const bumps = 20;
    // The counters of the transaction itself, which no other session's activity can change.
    const counted = await database.prisma.$transaction(async (tx) => {
      for (let bump = 0; bump < bumps; bump++) {
        await tx.$executeRaw`UPDATE "Thread"
          SET "lastSequence" = "lastSequence" + 1, "lastActivityAt" = clock_timestamp()
          WHERE id = ${thread.id}::uuid`;
      }
      return tx.$queryRaw<{ updated: number; inPlace: number }[]>`SELECT
        pg_stat_get_xact_tuples_updated('"Thread"'::regclass)::int AS updated,
        pg_stat_get_xact_tuples_hot_updated('"Thread"'::regclass)::int AS "inPlace"`;
    });
    expect(counted).toEqual([{ updated: bumps, inPlace: bumps }]);
  });
});
