import { isUniqueViolation } from "@spool/db";
import type { z } from "zod";
import type { UserActor } from "../../actor";
import type { ServiceDeps } from "../../deps";
import { DomainError } from "../../errors";
import type { SendMessageInput } from "../../inputs/message";
import { messageSelect, toMessageView, type MessageView } from "../../shapes/message";
import { requireCheckedToken, tokenRefusal } from "../identity/authenticate";
import { notAMember, requireMember } from "../membership";
import { checkMetadata, prepareContent } from "./content";
import { storeMessage } from "./store-message";

/**
 * Stores a message at the thread's next sequence, stamped with the server's arrival time.
 * Sending again with the same clientMessageId returns the original message, never a copy.
 * Only new messages count against the rate limit.
 */
export async function sendMessage(
  deps: ServiceDeps,
  actor: UserActor,
  input: z.output<typeof SendMessageInput>,
): Promise<MessageView> {
  const { threadId } = input;
  const limitKey = `${actor.userId}:${threadId}`;
  let content: string;
  try {
    content = prepareContent(input.type, input.content);
    checkMetadata(input.metadata);
    await deps.limits.consume("sendMessage", limitKey);
  } catch (refusal) {
    if (!(refusal instanceof DomainError)) throw refusal;
    return answerRefusal(deps, actor, input, refusal);
  }

  const notNew = () => deps.limits.refund("sendMessage", limitKey);
  for (;;) {
    const outcome = await storeMessage(deps.sql, actor, { ...input, content }).catch(
      async (error: unknown) => {
        // A retry raced the original; the original's statement won and this one stored nothing.
        const winner = isUniqueViolation(error) && (await findOriginal(deps, actor, input));
        if (!winner) throw error;
        return { kind: "original", message: winner } as const;
      },
    );
    switch (outcome.kind) {
      case "stored": {
        const { message, channelEpoch, memberIds, historyCut, translationReaders } = outcome;
        deps.changes.publish(
          {
            type: "message.created",
            threadId,
            sequence: message.sequence,
            message,
            channelEpoch,
            memberIds,
            historyCut,
            translationReaders,
          },
          actor,
        );
        return message;
      }
      case "original":
        await notNew();
        return outcome.message;
      case "token-refused":
        await notNew();
        deps.tokens.forget(actor.uncheckedToken!);
        throw new DomainError("TOKEN_INVALID", tokenRefusal(outcome.state)!);
      case "not-member":
        await notNew();
        throw notAMember(threadId);
      case "membership-moved":
        // Each time round needs another removal committed meanwhile: a thread has few members.
        continue;
    }
  }
}

/**
 * A send refused before it reached the database (its content, the rate limit) is answered as
 * if the database's checks came first: a token that no longer works, a thread the caller is
 * not in, and the original of a retry each take precedence over the refusal.
 */
async function answerRefusal(
  deps: ServiceDeps,
  actor: UserActor,
  input: z.output<typeof SendMessageInput>,
  refusal: DomainError,
): Promise<MessageView> {
  await requireCheckedToken(deps, actor);
  await requireMember(deps.db, input.threadId, actor.userId);
  const original = await findOriginal(deps, actor, input);
  if (original) return original;
  throw refusal;
}

async function findOriginal(
  deps: ServiceDeps,
  actor: UserActor,
  { threadId, clientMessageId }: { threadId: string; clientMessageId?: string },
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
