import type { UserActor } from "../../actor";
import type { ServiceDeps } from "../../deps";
import { DomainError } from "../../errors";
import { findVisibleMessage } from "../messages/locate-message";
import { preferredLanguage } from "./preferred-language";

export interface MessageTranslationView {
  messageId: string;
  /** The message version translated. */
  version: number;
  /** The language asked for, as the provider offers it. */
  to: string;
  /** The language detected in the original (`und`: not told); null for an activity. */
  from: string | null;
  /** The translation, or the original when it needed none (`translated: false`). */
  content: string;
  translated: boolean;
}

/** One message in the caller's language (or `to`), from the cache or the provider. */
export async function translateMessage(
  deps: ServiceDeps,
  actor: UserActor,
  input: { messageId: string; to?: string },
): Promise<MessageTranslationView> {
  const { message } = await findVisibleMessage(deps.db, input.messageId, actor.userId);
  if (message.deletedAt) {
    throw new DomainError(
      "MESSAGE_DELETED",
      "This message was deleted: there is nothing to translate.",
    );
  }
  const to = input.to ?? (await preferredLanguage(deps.db, actor.userId));
  // The detected language is stored on the row; detecting again here costs microseconds and
  // saves reading it.
  const outcomes = await deps.translator.translate(
    deps.db,
    [{ ...message, language: null }],
    to,
    actor.userId,
  );
  const outcome = outcomes.get(message.id);
  const base = { messageId: message.id, version: message.version };
  if (!outcome) {
    const from = message.type === "text" || message.type === "html" ? to : null;
    return { ...base, to, from, content: message.content, translated: false };
  }
  if (outcome.status === "unavailable") {
    const { code, reason, retryAfterMs } = outcome;
    throw new DomainError(code, reason, retryAfterMs === undefined ? undefined : { retryAfterMs });
  }
  return {
    ...base,
    to: outcome.to,
    from: outcome.from,
    content: outcome.content,
    translated: true,
  };
}
