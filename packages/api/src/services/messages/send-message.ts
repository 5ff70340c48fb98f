import { Prisma } from "@spool/db";
import type { z } from "zod";
import type { UserActor } from "../../actor";
import type { ServiceDeps } from "../../deps";
import type { SendMessageInput } from "../../inputs/message";
import { messageSelect, toMessageView, type MessageView } from "../../shapes/message";
import { requireMember } from "../membership";
import { appendEntry } from "../history";
import { checkMetadata, prepareContent } from "./content";

/**
 * Stores a message at the thread's next sequence, stamped with the server's arrival time.
 * Sending again with the same clientMessageId returns the original message, never a copy.
 */
export async function sendMessage(
  deps: ServiceDeps,
  actor: UserActor,
  input: z.output<typeof SendMessageInput>,
): Promise<MessageView> {
  const { threadId, clientMessageId } = input;
  await requireMember(deps.db, threadId, actor.userId);
  const original = await findOriginal(deps, actor, threadId, clientMessageId);
  if (original) return original;

  await deps.limits.consume("sendMessage", `${actor.userId}:${threadId}`);
  const content = prepareContent(input.type, input.content);
  checkMetadata(input.metadata);
  try {
    const message = await deps.db.$transaction((tx) =>
      appendEntry(tx, threadId, {
        type: input.type,
        content,
        priority: input.priority,
        senderId: actor.userId,
        clientMessageId,
        metadata: input.metadata,
      }),
    );
    deps.changes.publish(
      { type: "message.created", threadId, sequence: message.sequence, message },
      actor,
    );
    return message;
  } catch (error) {
    // A retry raced the original; the original's transaction won and this one rolled back.
    const isDuplicate =
      error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
    const winner = isDuplicate && (await findOriginal(deps, actor, threadId, clientMessageId));
    if (winner) return winner;
    throw error;
  }
}

async function findOriginal(
  deps: ServiceDeps,
  actor: UserActor,
  threadId: string,
  clientMessageId: string | undefined,
): Promise<MessageView | null> {
  if (!clientMessageId) return null;
  const row = await deps.db.message.findUnique({
    where: {
      threadId_senderId_clientMessageId: { threadId, senderId: actor.userId, clientMessageId },
    },
    select: messageSelect,
  });
  return row && toMessageView(row);
}
