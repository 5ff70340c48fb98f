import { Prisma, type MessagePriority, type PrismaClient } from "@spool/db";
import { testDatabaseKinds } from "@spool/db/testing";
import { describe, expect, it } from "vitest";
import { limits } from "../src/limits";
import { createCaller } from "../src/root";
import { useApi, type TestUser } from "./support/harness";

const cap = limits.unreadCountCap;

describe.each(testDatabaseKinds)("unread counts over a large backlog on %s", (kind) => {
  const api = useApi(kind);

  /** Messages from `sender` at the thread's next sequences, written in one statement. */
  async function backlog(
    threadId: string,
    sender: TestUser,
    count: number,
    priority: MessagePriority = "normal",
  ) {
    await api.db.$executeRaw`
      WITH thread AS (
        UPDATE "Thread" SET "lastSequence" = "lastSequence" + ${count}::int, "lastActivityAt" = now()
         WHERE id = ${threadId}::uuid RETURNING "lastSequence"
      )
      INSERT INTO "Message" (id, "threadId", sequence, "changeSequence", type, content, priority, "senderId")
      SELECT gen_random_uuid(), ${threadId}::uuid, s, s, 'text'::"MessageType", 'backlog ' || s,
             ${priority}::"MessagePriority", ${sender.id}::uuid
        FROM thread, generate_series(thread."lastSequence" - ${count}::int + 1, thread."lastSequence") s`;
  }

  async function pair(prefix: string) {
    const [ann, ben] = await api.users(2, prefix);
    const { thread } = await ann.api.thread.create({ kind: "direct", userId: ben.id });
    return { ann, ben, threadId: thread.id };
  }

  async function counts(user: TestUser) {
    const [item] = (await user.api.thread.list({})).items;
    return { unread: item!.unreadCount, high: item!.unreadHighPriorityCount };
  }

  it("is exact below the cap and stops at the cap above it", async () => {
    const { ann, ben, threadId } = await pair("Capped");

    await backlog(threadId, ann, cap - 2);
    await backlog(threadId, ann, 1, "high");
    expect(await counts(ben)).toEqual({ unread: cap - 1, high: 1 });
    expect(await counts(ann)).toEqual({ unread: 0, high: 0 });

    await backlog(threadId, ann, 1);
    expect(await counts(ben)).toEqual({ unread: cap, high: 1 });

    await backlog(threadId, ann, 5_000, "high");
    expect(await counts(ben)).toEqual({ unread: cap, high: cap });

    // Reading up to the last few leaves an exact count again.
    const { lastSequence } = await ben.api.thread.get({ threadId });
    await ben.api.receipt.markRead({ threadId, sequence: lastSequence - 7 });
    expect(await counts(ben)).toEqual({ unread: 7, high: 7 });
  });

  it("reads as many rows for a backlog of 50,000 as for one of 1,000", async () => {
    const { ann, ben, threadId } = await pair("Backlog");
    await backlog(threadId, ann, 1_000);
    await backlog(threadId, ann, 3, "high");
    const small = await messageRowsRead(api.db, ben);

    await backlog(threadId, ann, 49_000);
    const large = await messageRowsRead(api.db, ben);

    expect(await counts(ben)).toEqual({ unread: cap, high: 3 });
    expect(large).toBe(small);
    // The capped count, the high-priority ones, and the last message: nothing like the backlog.
    expect(large).toBeLessThanOrEqual(cap + 10);
  });

  /**
   * Runs the user's thread.list with every raw query recorded, then has the database explain
   * each one as it ran: the rows it read from "Message", including those its filters dropped.
   */
  async function messageRowsRead(db: PrismaClient, user: TestUser): Promise<number> {
    const queries: Prisma.Sql[] = [];
    const recording = new Proxy(db, {
      get(target, key) {
        if (key === "$queryRaw") {
          return (strings: TemplateStringsArray, ...values: unknown[]) => {
            queries.push(Prisma.sql(strings, ...values));
            return target.$queryRaw(strings, ...values);
          };
        }
        const value: unknown = Reflect.get(target, key);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const caller = createCaller({
      deps: { ...api.deps, db: recording },
      actor: { kind: "user", user: { userId: user.id, scopes: ["chat"] } },
    });
    await caller.thread.list({});
    expect(queries).toHaveLength(1);

    let rows = 0;
    for (const query of queries) {
      const [result] = await db.$queryRaw<{ "QUERY PLAN": unknown }[]>`
        EXPLAIN (ANALYZE, FORMAT JSON) ${query}`;
      const plan = result!["QUERY PLAN"];
      const [root] = (typeof plan === "string" ? JSON.parse(plan) : plan) as { Plan: PlanNode }[];
      rows += rowsReadFrom("Message", root!.Plan);
    }
    // EXPLAIN gives rows per loop as an average.
    return Math.round(rows);
  }
});

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows": number;
  "Actual Loops": number;
  "Rows Removed by Filter"?: number;
  "Rows Removed by Index Recheck"?: number;
  Plans?: PlanNode[];
}

/** Rows a plan node read from the table or (a bitmap) from one of its indexes. */
function rowsReadFrom(relation: string, node: PlanNode): number {
  const reads =
    node["Relation Name"] === relation ||
    (node["Node Type"] === "Bitmap Index Scan" && node["Index Name"]?.startsWith(`${relation}_`));
  const own = reads
    ? (node["Actual Rows"] + (node["Rows Removed by Filter"] ?? 0)) * node["Actual Loops"] +
      (node["Rows Removed by Index Recheck"] ?? 0)
    : 0;
  return own + (node.Plans ?? []).reduce((sum, child) => sum + rowsReadFrom(relation, child), 0);
}
