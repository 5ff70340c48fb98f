import type { PrismaClient } from "@spool/db";
import type { ChangeOrigin, ChangeSink, ThreadChange } from "../changes/thread-change";
import { sameLanguage } from "./language-tags";
import type { Translator } from "./translator";

interface Publisher {
  publish(change: ThreadChange, origin: ChangeOrigin): void | Promise<void>;
}

type MessageChange = Extract<ThreadChange, { type: "message.created" | "message.edited" }>;

const wanted = (change: ThreadChange): change is MessageChange =>
  (change.type === "message.created" || change.type === "message.edited") &&
  (change.message.type === "text" || change.message.type === "html") &&
  change.message.deletedAt === null;

/** The languages to translate a message into: its readers', other than the sender's. */
function readerLanguages({ message, translationReaders }: MessageChange): string[] {
  const others = translationReaders.filter((reader) => reader.userId !== message.senderId);
  return [...new Set(others.map((reader) => reader.language))];
}

/**
 * Publishes every change, and after a new or edited message, its translations for the
 * thread's auto-translating readers, as one `message.translated` event on the thread's
 * channel with the language detected: a reader gets the translation with the message, or
 * learns it needs none, without a request of their own. Each
 * language costs one provider call per message version, whatever the number of readers, and
 * none for readers of the sender's language. `publish` settles once both are out (a host that
 * must stay alive, such as a serverless function, waits for it); it never rejects.
 */
export class AutoTranslatingPublisher implements ChangeSink {
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly publisher: Publisher,
    private readonly translation: { db: PrismaClient; translator: Translator },
    private readonly log: Pick<Console, "error"> = console,
  ) {}

  publish(change: ThreadChange, origin: ChangeOrigin): Promise<void> {
    const published = Promise.resolve(this.publisher.publish(change, origin));
    if (!this.translation.translator.provider || !wanted(change)) return published;
    const languages = readerLanguages(change);
    if (languages.length === 0) return published;
    const translated = this.translateAndPublish(change, languages).catch((error: unknown) =>
      this.log.error("Translation: could not auto-translate a message:", error),
    );
    const both = Promise.all([published, translated]).then(() => undefined);
    this.pending.add(both);
    void both.finally(() => this.pending.delete(both));
    return both;
  }

  /** Resolves once every translation under way has been published. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all(this.pending);
  }

  private async translateAndPublish(change: MessageChange, languages: string[]): Promise<void> {
    const { db, translator } = this.translation;
    const { message } = change;
    const detection = translator.detect(db, [{ ...message, language: null as string | null }]);
    const detected = detection.messages[0]!;
    const wantedLanguages = languages.filter(
      (language) => !sameLanguage(language, detected.language),
    );
    const results = await Promise.all(
      wantedLanguages.map(async (to) => ({
        to,
        outcome: (await translator.translate(db, [detected], to, null)).get(message.id),
      })),
    );
    await detection.stored;
    // Readers of `es` and `es-MX` share the provider's `es`: it goes out once.
    const seen = new Set<string>();
    const translations = results.flatMap(({ to, outcome }) => {
      if (!outcome) return [];
      const key = outcome.status === "translated" ? outcome.to : to;
      if (seen.has(key)) return [];
      seen.add(key);
      return [{ to, outcome }];
    });
    // Published even with nothing translated: readers of the sender's language learn that
    // they need no translation without asking.
    await this.publisher.publish(
      {
        type: "message.translated",
        threadId: change.threadId,
        sequence: message.changeSequence,
        channelEpoch: change.channelEpoch,
        historyCut: change.historyCut,
        message: { id: message.id, version: message.version, createdAt: message.createdAt },
        language: detected.language,
        translations,
      },
      {},
    );
  }
}
