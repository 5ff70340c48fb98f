// Costs that must not grow with the data: a page of history from a huge thread against a small
// one, thread.list for a user in many threads against few, and thread.list with a huge unread
// backlog against a small one. Each figure is the median latency of a run's requests.
import pLimit from "p-limit";
import { Api, createGroup, createUsers, type Thread } from "../api";
import type { AppServer } from "../app-server";
import { sizes } from "../config";
import type { Row, Run } from "../row";
import { median } from "../stats";
import { appendMessages } from "../seed";
import { load, now } from "../timing";

async function timed(request: () => Promise<unknown>): Promise<number> {
  const began = now();
  await request();
  return now() - began;
}

/** Median latency of `small` and `big`, their requests interleaved so both share the load. */
async function compare(
  small: () => Promise<unknown>,
  big: () => Promise<unknown>,
  at: number,
): Promise<Run> {
  const smallTimes: number[] = [];
  const bigTimes: number[] = [];
  for (let i = 0; i < sizes.requestsPerRun; i++) {
    smallTimes.push(await timed(small));
    bigTimes.push(await timed(big));
  }
  return { floor: median(smallTimes), spool: median(bigTimes), load: at };
}

async function groupsOf(api: Api, memberIds: string[], count: number): Promise<Thread[]> {
  const limit = pLimit(sizes.concurrency);
  return Promise.all(
    Array.from({ length: count }, (_, i) =>
      limit(() => createGroup(api, memberIds, `thread ${i}`)),
    ),
  );
}

export async function historyRows(app: AppServer, databaseUrl: string): Promise<Row[]> {
  const [writer, bigReader, smallReader, many, few] = await createUsers(
    app.url,
    app.accessKey,
    5,
    "history",
  );
  const as = (user: typeof writer) => Api.asUser(app.url, user!);
  const writerApi = as(writer);
  const big = await createGroup(writerApi, [bigReader!.id], "big");
  const small = await createGroup(writerApi, [smallReader!.id], "small");
  await appendMessages(databaseUrl, [big.id], writer!.id, sizes.bigThread);
  await appendMessages(databaseUrl, [small.id], writer!.id, sizes.smallThread);
  const manyThreads = await groupsOf(as(many), [writer!.id], sizes.manyThreads);
  const fewThreads = await groupsOf(as(few), [writer!.id], sizes.fewThreads);
  // A few unread messages in each, so the list has last messages and unread counts to show.
  await appendMessages(
    databaseUrl,
    [...manyThreads, ...fewThreads].map((t) => t.id),
    writer!.id,
    5,
  );

  // A page of 50 just before a sequence drawn anywhere in the thread's history.
  const page = (thread: Thread, length: number) => () =>
    writerApi.query("message.list", {
      threadId: thread.id,
      limit: 50,
      before: 51 + Math.floor(Math.random() * (length - 50)),
    });
  const list = (user: typeof writer) => {
    const api = as(user);
    return () => api.query("thread.list", {});
  };
  const requests = {
    page: [page(small, sizes.smallThread), page(big, sizes.bigThread)],
    threads: [list(few), list(many)],
    unread: [list(smallReader), list(bigReader)],
  } as const;
  for (const [small, big] of Object.values(requests)) {
    await small();
    await big();
  }
  const runs = { page: [] as Run[], threads: [] as Run[], unread: [] as Run[] };
  for (let run = 0; run < sizes.runs; run++) {
    const at = load();
    for (const key of ["page", "threads", "unread"] as const) {
      runs[key].push(await compare(requests[key][0], requests[key][1], at));
    }
  }
  const k = (n: number) =>
    n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n);
  const seeded = `history written with INSERT … SELECT generate_series; ${sizes.requestsPerRun} requests per run and side`;
  return [
    {
      title: `page of 50 from a ${k(sizes.bigThread)} thread vs a ${k(sizes.smallThread)} thread`,
      floorName: `${k(sizes.smallThread)} thread`,
      unit: "ms",
      runs: runs.page,
      goal: { kind: "at-most", value: 1.5 },
      note: `message.list before a random sequence, PostgreSQL; ${seeded}`,
    },
    {
      title: `thread.list, ${k(sizes.manyThreads)} threads vs ${sizes.fewThreads}`,
      floorName: `${sizes.fewThreads} threads`,
      unit: "ms",
      runs: runs.threads,
      goal: { kind: "at-most", value: 3 },
      note: "first page (30), 5 unread in each thread, PostgreSQL",
    },
    {
      title: `thread.list with a ${k(sizes.bigThread)} unread backlog vs ${k(sizes.smallThread)}`,
      floorName: `${k(sizes.smallThread)} unread`,
      unit: "ms",
      runs: runs.unread,
      goal: { kind: "at-most", value: 2 },
      note: "one thread, nothing read, PostgreSQL",
    },
  ];
}
