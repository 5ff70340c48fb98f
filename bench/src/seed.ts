// History too long to send through the API in a benchmark's time (a million messages), written
// straight into Spool's tables in one INSERT … SELECT generate_series per call. It writes what a
// text message from `senderId` leaves: the row at the thread's next sequences, and the thread's
// lastSequence. If the schema gains more that a send keeps (counters), this must keep it too.
import pg from "pg";

export async function appendMessages(
  databaseUrl: string,
  threadIds: string[],
  senderId: string,
  perThread: number,
): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO "Message" (id, "threadId", sequence, "changeSequence", type, content, "senderId", "createdAt")
       SELECT gen_random_uuid(), t.id, t."lastSequence" + g, t."lastSequence" + g, 'text',
              'message ' || g, $2::uuid, now() - make_interval(secs => ($3 - g) / 1000.0)
       FROM "Thread" t, generate_series(1, $3::int) AS g
       WHERE t.id = ANY($1::uuid[])`,
      [threadIds, senderId, perThread],
    );
    await client.query(
      `UPDATE "Thread" SET "lastSequence" = "lastSequence" + $2, "lastActivityAt" = now()
       WHERE id = ANY($1::uuid[])`,
      [threadIds, perThread],
    );
    await client.query("COMMIT");
    await client.query(`ANALYZE "Message"`);
  } finally {
    await client.end();
  }
}
