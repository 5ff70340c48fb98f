import { z } from "zod/mini";

// A history entry as events carry it: the API's message view, with dates as ISO strings on
// the wire and Dates after parsing.

const date = z.coerce.date();

export const activitySchema = z.object({
  actorId: z.nullable(z.string()),
  targetUserIds: z.array(z.string()),
  oldTopic: z.nullable(z.string()),
  newTopic: z.nullable(z.string()),
});

export const reactionSummarySchema = z.object({
  emoji: z.string(),
  count: z.int(),
  reactedByMe: z.boolean(),
});

export const messageSchema = z.object({
  id: z.string(),
  threadId: z.string(),
  sequence: z.int(),
  changeSequence: z.int(),
  type: z.enum(["text", "html", "member_added", "member_removed", "topic_updated"]),
  content: z.string(),
  priority: z.enum(["normal", "high"]),
  senderId: z.nullable(z.string()),
  clientMessageId: z.nullable(z.string()),
  metadata: z.nullable(z.record(z.string(), z.string())),
  createdAt: date,
  editedAt: z.nullable(date),
  deletedAt: z.nullable(date),
  version: z.int(),
  activity: z.nullable(activitySchema),
  reactions: z.array(reactionSummarySchema),
});

export type MessageEventData = z.output<typeof messageSchema>;
