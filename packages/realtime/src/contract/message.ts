import { z } from "zod";

// A history entry as events carry it: the API's message view, with dates as ISO strings on
// the wire and Dates after parsing.

const date = z.coerce.date();

export const activitySchema = z.object({
  actorId: z.string().nullable(),
  targetUserIds: z.array(z.string()),
  oldTopic: z.string().nullable(),
  newTopic: z.string().nullable(),
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
  senderId: z.string().nullable(),
  clientMessageId: z.string().nullable(),
  metadata: z.record(z.string(), z.string()).nullable(),
  createdAt: date,
  editedAt: date.nullable(),
  deletedAt: date.nullable(),
  version: z.int(),
  activity: activitySchema.nullable(),
  reactions: z.array(reactionSummarySchema),
});

export type MessageEventData = z.output<typeof messageSchema>;
