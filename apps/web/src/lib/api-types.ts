import type { AppRouter } from "@spool/api";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

/** What each procedure takes and returns in the browser (dates as Dates, via superjson). */
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export type ThreadListPage = RouterOutputs["thread"]["list"];
export type ThreadListItem = ThreadListPage["items"][number];
export type ThreadMember = RouterOutputs["member"]["list"][number];
export type Person = RouterOutputs["user"]["search"][number];
