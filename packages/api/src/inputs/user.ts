import { z } from "zod";
import { input, language, text } from "./fields";

export const SearchUsersInput = input({
  query: text("query").trim().max(128, "query has at most 128 characters").default(""),
  limit: z.int().min(1).max(50, "at most 50 people per search").default(20),
});

/** For procedures that take nothing: any input is a mistake worth hearing about. */
export const NoInput = z.undefined({ error: "this procedure takes no input" });

export const UpdatePreferencesInput = input({
  /** Messages are translated into it; null clears it. */
  language: language("language").nullable().optional(),
  /** Translate messages not already in `language` as they arrive. */
  autoTranslate: z.boolean({ error: "autoTranslate must be true or false" }).optional(),
}).refine((value) => value.language !== undefined || value.autoTranslate !== undefined, {
  error: "give language, autoTranslate or both",
});
