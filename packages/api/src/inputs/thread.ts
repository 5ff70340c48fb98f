import { z } from "zod";
import { limits } from "../limits";
import { id, input, text } from "./fields";

const topic = text("topic")
  .trim()
  .max(limits.topicChars, `a topic has at most ${limits.topicChars} characters`);

export const CreateThreadInput = z.discriminatedUnion(
  "kind",
  [
    input({ kind: z.literal("direct"), userId: id("userId") }),
    input({
      kind: z.literal("group"),
      topic: topic.default(""),
      memberIds: z
        .array(id("memberIds[]"))
        .max(limits.membersPerThread - 1, `a thread has at most ${limits.membersPerThread} members`)
        .default([]),
    }),
  ],
  { error: "kind must be 'direct' (with userId) or 'group' (with topic and memberIds)" },
);

export const ThreadIdInput = input({ threadId: id("threadId") });

export const ListThreadsInput = input({
  limit: z.int().min(1).max(100, "at most 100 threads per page").default(30),
  cursor: text("cursor").max(100, "cursor must be a nextCursor returned by thread.list").optional(),
  /**
   * Sent by tRPC's infinite queries with every page. Pages always run from the latest activity
   * down, by cursor, so it changes nothing; it is accepted so those clients are not refused.
   */
  direction: z
    .enum(["forward", "backward"], { error: "direction is 'forward' or 'backward'" })
    .optional(),
  /** Only threads whose topic contains this text, case-insensitively. */
  topic: text("topic")
    .trim()
    .max(limits.topicChars, `the topic filter has at most ${limits.topicChars} characters`)
    .optional(),
});

export const UpdateTopicInput = ThreadIdInput.extend({ topic });
