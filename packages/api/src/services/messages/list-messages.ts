import type { z } from "zod";
import type { UserActor } from "../../actor";
import type { ServiceDeps } from "../../deps";
import type { ListMessagesInput } from "../../inputs/message";
import { translatableSelect, toMessageView, type MessageView } from "../../shapes/message";
import type { TranslationOutcome } from "../../translation/outcome";
import { requireMember, visibleTo } from "../membership";
import { reactionSummaries } from "../reactions/summaries";

export type ListedMessage = MessageView & {
  /**
   * With `translateTo`: the entry in that language beside its original, or why it could not
   * be; null when it needs no translation (already in that language, an activity, deleted).
   */
  translation?: TranslationOutcome | null;
};

export interface MessagePage {
  /** Oldest first. Activities are interleaved; deleted messages are tombstones. */
  items: ListedMessage[];
  /** Pass as `before` (history) or `after` (catch-up) for the next page; null at the end. */
  nextCursor: number | null;
  /** The thread's sequence when the page was read: caught up once `after` reaches it. */
  threadSequence: number;
}

/**
 * Two keyset walks: `before` pages back through history by position; `after` returns every
 * entry created or changed after sequence N (by its changeSequence), so a client that missed
 * events also gets the edits, deletes and reactions it missed.
 */
export async function listMessages(
  deps: ServiceDeps,
  actor: UserActor,
  input: z.output<typeof ListMessagesInput>,
): Promise<MessagePage> {
  const { threadId, limit, after, before, translateTo } = input;
  const member = await requireMember(deps.db, threadId, actor.userId);
  const where = { threadId, ...visibleTo(member) };

  let page;
  let nextCursor: number | null = null;
  if (after !== undefined) {
    const rows = await deps.db.message.findMany({
      where: { ...where, changeSequence: { gt: after } },
      orderBy: { changeSequence: "asc" },
      take: limit + 1,
      select: translatableSelect,
    });
    page = rows.slice(0, limit);
    if (rows.length > limit) nextCursor = page.at(-1)!.changeSequence;
  } else {
    const rows = await deps.db.message.findMany({
      where: { ...where, ...(before !== undefined && { sequence: { lt: before } }) },
      orderBy: { sequence: "desc" },
      take: limit + 1,
      select: translatableSelect,
    });
    page = rows.slice(0, limit).reverse();
    if (rows.length > limit) nextCursor = page[0]!.sequence;
  }

  const reactions = await reactionSummaries(
    deps.db,
    page.map((row) => row.id),
    actor.userId,
  );
  // The page's missing translations go to the provider together, in as few requests as it takes.
  const translations =
    translateTo && (await deps.translator.translate(deps.db, page, translateTo, actor.userId));
  return {
    items: page.map(({ language: _detected, ...row }) => ({
      ...toMessageView(row, reactions.get(row.id)),
      ...(translations && { translation: translations.get(row.id) ?? null }),
    })),
    nextCursor,
    threadSequence: member.thread.lastSequence,
  };
}
