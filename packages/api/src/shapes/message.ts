import type { Prisma } from "@spool/db";

// What a message looks like outside the API: selected explicitly, never a raw row.
export const messageSelect = {
  id: true,
  threadId: true,
  sequence: true,
  changeSequence: true,
  type: true,
  content: true,
  priority: true,
  senderId: true,
  clientMessageId: true,
  metadata: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  version: true,
  activity: { select: { actorId: true, targetUserIds: true, oldTopic: true, newTopic: true } },
} satisfies Prisma.MessageSelect;

/** For reading messages to translate: with the language detected in the current version. */
export const translatableSelect = {
  ...messageSelect,
  language: true,
} satisfies Prisma.MessageSelect;

export type MessageRow = Prisma.MessageGetPayload<{ select: typeof messageSelect }>;

export interface ReactionSummary {
  emoji: string;
  count: number;
  /** Whether the caller is among those who reacted. */
  reactedByMe: boolean;
}

export type MessageView = Omit<MessageRow, "metadata"> & {
  metadata: Record<string, string> | null;
  reactions: ReactionSummary[];
};

export function toMessageView(row: MessageRow, reactions: ReactionSummary[] = []): MessageView {
  return { ...row, metadata: row.metadata as Record<string, string> | null, reactions };
}
