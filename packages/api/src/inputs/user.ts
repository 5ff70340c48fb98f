import { z } from "zod";
import { input, text } from "./fields";

export const SearchUsersInput = input({
  query: text("query").trim().max(128, "query has at most 128 characters").default(""),
  limit: z.int().min(1).max(50, "at most 50 people per search").default(20),
});

/** For procedures that take nothing: any input is a mistake worth hearing about. */
export const NoInput = z.undefined({ error: "this procedure takes no input" });
