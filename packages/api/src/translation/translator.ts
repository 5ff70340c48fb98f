import type { Prisma, PrismaClient } from "@spool/db";
import pLimit from "p-limit";
import { DomainError } from "../errors";
import type { RateLimits } from "../rate-limits";
import { sanitizeChatHtml } from "../services/messages/content";
import { detectLanguage } from "./detect-language";
import { bestMatch, canonicalTag, sameLanguage, UNDETERMINED } from "./language-tags";
import type { TranslationOutcome, UnavailableOutcome } from "./outcome";
import {
  ProviderError,
  type ProviderLanguage,
  type ProviderName,
  type TextFormat,
  type TranslationProvider,
} from "./provider";
import { translationSetupHint } from "./provider-from-settings";

/** The fields of a message that translating it needs. */
export interface TranslatableMessage {
  id: string;
  version: number;
  type: string;
  content: string;
  deletedAt: Date | null;
  /** Detected for this version, or null when not yet. */
  language: string | null;
}

export interface TranslatorOptions {
  provider: TranslationProvider | null;
  /** Counts characters sent to the provider (`translateUser`, `translateDeployment`). */
  limits: RateLimits;
  /** How long the provider's list of languages is kept. Default: an hour. */
  languagesTtlMs?: number;
  /** The clock for that list's age. */
  now?: () => number;
}

type Db = PrismaClient | Prisma.TransactionClient;

interface Job {
  message: TranslatableMessage & { type: TextFormat };
  from: string;
  key: string;
  settle: (outcome: TranslationOutcome) => void;
}

const isTranslatable = (
  message: TranslatableMessage,
): message is TranslatableMessage & { type: TextFormat } =>
  (message.type === "text" || message.type === "html") &&
  message.deletedAt === null &&
  message.content !== "";

const characterCount = (jobs: readonly Job[]) =>
  jobs.reduce((sum, job) => sum + job.message.content.length, 0);

function translated(
  job: Job,
  target: ProviderLanguage,
  content: string,
  from: string,
): TranslationOutcome {
  return { status: "translated", to: target.tag, from, content, version: job.message.version };
}

function unavailable(error: unknown): UnavailableOutcome {
  if (error instanceof ProviderError) {
    const code =
      error.kind === "unsupported" ? "TRANSLATION_LANGUAGE_UNSUPPORTED" : "TRANSLATION_UNAVAILABLE";
    return { status: "unavailable", code, reason: error.message };
  }
  if (
    error instanceof DomainError &&
    (error.code === "RATE_LIMITED" ||
      error.code === "TRANSLATION_UNAVAILABLE" ||
      error.code === "TRANSLATION_LANGUAGE_UNSUPPORTED")
  ) {
    const retryAfterMs = error.details?.retryAfterMs as number | undefined;
    return { status: "unavailable", code: error.code, reason: error.message, retryAfterMs };
  }
  throw error;
}

/**
 * Translates messages through the configured provider, at most once per message version and
 * language: translations are kept in MessageTranslation and shared by every reader; readers
 * asking at once for one not yet made wait for the same provider call (single flight, per
 * instance); a page's missing translations go to the provider in as few requests as its batch
 * limits allow. Characters sent are counted against the reader's and the deployment's hourly
 * budgets. A provider failure is an outcome, never a thrown error, so a page still reads.
 */
export class Translator {
  private readonly inFlight = new Map<string, Promise<TranslationOutcome>>();
  private offered: { at: number; list: Promise<ProviderLanguage[]> } | null = null;
  private readonly now: () => number;

  constructor(private readonly options: TranslatorOptions) {
    this.now = options.now ?? Date.now;
  }

  /** The provider in use, or null when translation is off. */
  get provider(): ProviderName | null {
    return this.options.provider?.name ?? null;
  }

  /** The languages the provider translates into; refused when it is off or failing. */
  async languages(): Promise<ProviderLanguage[]> {
    const { provider, languagesTtlMs = 3_600_000 } = this.options;
    if (!provider) throw new DomainError("TRANSLATION_UNAVAILABLE", translationSetupHint);
    if (!this.offered || this.now() - this.offered.at > languagesTtlMs) {
      const list = provider.languages();
      this.offered = { at: this.now(), list };
      // A failure is not kept: the next request asks again.
      list.catch(() => {
        if (this.offered?.list === list) this.offered = null;
      });
    }
    try {
      return await this.offered.list;
    } catch (error) {
      const outcome = unavailable(error);
      throw new DomainError(outcome.code, outcome.reason);
    }
  }

  /** The provider's language that serves a reader of `wanted`, or a refusal saying why not. */
  async target(wanted: string): Promise<ProviderLanguage> {
    const offered = await this.languages();
    const tag = bestMatch(
      canonicalTag(wanted) ?? wanted,
      offered.map((language) => language.tag),
    );
    const match = offered.find((language) => language.tag === tag);
    if (match) return match;
    throw new DomainError(
      "TRANSLATION_LANGUAGE_UNSUPPORTED",
      `${this.provider} does not translate into ${wanted}; it offers ${offered.map((language) => language.tag).join(", ") || "no languages"}.`,
    );
  }

  /**
   * Each message's translation into `to`, by id. A message that needs none (already in that
   * language, an activity, deleted) is not in the map. `payer` is the user whose budget pays
   * for characters sent; null for work the deployment does on its own (auto-translation).
   */
  async translate(
    db: Db,
    messages: readonly TranslatableMessage[],
    to: string,
    payer: string | null,
  ): Promise<Map<string, TranslationOutcome>> {
    const outcomes = new Map<string, TranslationOutcome>();
    const candidates = messages.filter(isTranslatable);
    if (candidates.length === 0) return outcomes;
    let target: ProviderLanguage;
    try {
      target = await this.target(to);
    } catch (error) {
      const outcome = unavailable(error);
      for (const message of candidates) outcomes.set(message.id, outcome);
      return outcomes;
    }

    const detection = this.detect(db, candidates);
    const languageOf = new Map(detection.messages.map((message) => [message.id, message.language]));

    const waiting: [string, Promise<TranslationOutcome>][] = [];
    const jobs: Job[] = [];
    for (const message of candidates) {
      const from = languageOf.get(message.id)!;
      if (sameLanguage(from, target.tag)) continue;
      const key = `${message.id}:${message.version}:${target.tag}`;
      let pending = this.inFlight.get(key);
      if (!pending) {
        // Registered before anything is awaited, so a reader arriving meanwhile waits for it.
        let settle!: (outcome: TranslationOutcome) => void;
        pending = new Promise((resolve) => (settle = resolve));
        this.inFlight.set(key, pending);
        jobs.push({ message, from, key, settle });
      }
      waiting.push([message.id, pending]);
    }

    await Promise.all([detection.stored, jobs.length > 0 && this.run(db, jobs, target, payer)]);
    for (const [id, pending] of waiting) outcomes.set(id, await pending);
    return outcomes;
  }

  /**
   * The messages with their language detected, once per version: what is detected here is
   * stored (`stored` settles when it is) so that the next reader need not detect again.
   */
  detect<Message extends TranslatableMessage>(
    db: Db,
    messages: readonly Message[],
  ): { messages: (Message & { language: string })[]; stored: Promise<unknown> } {
    const detected = messages.map((message) => ({
      ...message,
      language: message.language ?? detectLanguage(message.type as TextFormat, message.content),
    }));
    const stored = Promise.all(
      detected
        .filter((message, index) => messages[index]!.language === null)
        .map((message) =>
          db.message.updateMany({
            where: { id: message.id, version: message.version, language: null },
            data: { language: message.language },
          }),
        ),
    );
    return { messages: detected, stored };
  }

  /** Settles every job: from the cache, else from the provider, else with why not. */
  private async run(db: Db, jobs: Job[], target: ProviderLanguage, payer: string | null) {
    try {
      const cached = await db.messageTranslation.findMany({
        where: {
          language: target.tag,
          OR: jobs.map(({ message }) => ({ messageId: message.id, version: message.version })),
        },
        select: { messageId: true, content: true },
      });
      const hits = new Map(cached.map((row) => [row.messageId, row.content]));
      const misses = jobs.filter((job) => !hits.has(job.message.id));
      for (const job of jobs) {
        const content = hits.get(job.message.id);
        if (content !== undefined) job.settle(translated(job, target, content, job.from));
      }
      if (misses.length > 0) await this.fetch(db, misses, target, payer);
    } catch (error) {
      const outcome = unavailable(
        error instanceof DomainError || error instanceof ProviderError
          ? error
          : new ProviderError("unavailable", "Translation failed on the server; try again."),
      );
      if (!(error instanceof DomainError || error instanceof ProviderError)) console.error(error);
      for (const job of jobs) job.settle(outcome);
    } finally {
      for (const job of jobs) this.inFlight.delete(job.key);
    }
  }

  /** Asks the provider for the misses, batched by source language and format. */
  private async fetch(db: Db, jobs: Job[], target: ProviderLanguage, payer: string | null) {
    const characters = characterCount(jobs);
    try {
      await this.charge(payer, characters);
    } catch (error) {
      const outcome = unavailable(error);
      for (const job of jobs) job.settle(outcome);
      return;
    }
    const provider = this.options.provider!;
    const batches = this.batches(jobs, provider);
    const rows: Prisma.MessageTranslationCreateManyInput[] = [];
    // Two requests at a time: Apertium takes one text per request.
    const limit = pLimit(2);
    await Promise.all(
      batches.map((batch) =>
        limit(async () => {
          const format = batch[0]!.message.type;
          // A provider that detects is told the language only when the whole batch shares it.
          const languages = new Set(batch.map((job) => job.from));
          const [shared] = languages;
          const from = languages.size === 1 && shared !== UNDETERMINED ? shared! : null;
          try {
            const results = await provider.translate({
              texts: batch.map((job) => job.message.content),
              from,
              to: target,
              format,
            });
            batch.forEach((job, index) => {
              const result = results[index]!;
              const content = format === "html" ? sanitizeChatHtml(result.text) : result.text;
              const detectedFrom =
                job.from === UNDETERMINED && result.detectedFrom ? result.detectedFrom : job.from;
              rows.push({
                messageId: job.message.id,
                version: job.message.version,
                language: target.tag,
                provider: provider.name,
                content,
              });
              job.settle(translated(job, target, content, detectedFrom));
            });
          } catch (error) {
            const outcome = unavailable(error);
            for (const job of batch) job.settle(outcome);
            // Nothing was translated: the characters were not spent.
            await this.refund(payer, characterCount(batch));
          }
        }),
      ),
    );
    await this.keep(db, rows);
  }

  /**
   * Stores the translations for the next readers, only while each message still is the
   * version translated and not deleted: an edit or delete that committed meanwhile has erased
   * the old text's translations, and this must not bring one back. FOR SHARE waits for such a
   * change under way and then sees it.
   */
  private async keep(db: Db, rows: Prisma.MessageTranslationCreateManyInput[]) {
    if (rows.length === 0) return;
    const column = <Key extends keyof Prisma.MessageTranslationCreateManyInput>(key: Key) =>
      rows.map((row) => row[key]);
    await db.$executeRaw`
      INSERT INTO "MessageTranslation" ("messageId", "version", "language", "provider", "content")
      SELECT t."messageId", t."version", t."language", t."provider", t."content"
      FROM unnest(${column("messageId")}::uuid[], ${column("version")}::int[],
                  ${column("language")}::text[], ${column("provider")}::text[],
                  ${column("content")}::text[])
             AS t("messageId", "version", "language", "provider", "content")
      JOIN "Message" m ON m.id = t."messageId" AND m.version = t."version" AND m."deletedAt" IS NULL
      FOR SHARE OF m
      ON CONFLICT DO NOTHING`;
  }

  /**
   * Groups that share a format, and a source language unless the provider detects each
   * text's own, each within the provider's limits.
   */
  private batches(jobs: Job[], provider: TranslationProvider): Job[][] {
    const limits = provider.batchLimits;
    const groups = new Map<string, Job[][]>();
    for (const job of jobs) {
      const key = provider.detects ? job.message.type : `${job.from}|${job.message.type}`;
      const batches = groups.get(key) ?? [[]];
      let batch = batches.at(-1)!;
      const size = characterCount(batch);
      if (
        batch.length >= limits.texts ||
        (batch.length > 0 && size + job.message.content.length > limits.characters)
      ) {
        batch = [];
        batches.push(batch);
      }
      batch.push(job);
      groups.set(key, batches);
    }
    return [...groups.values()].flat();
  }

  /** Counts the characters against the payer's budget and the deployment's, or refuses. */
  private async charge(payer: string | null, characters: number) {
    const { limits } = this.options;
    if (payer) await limits.consume("translateUser", payer, characters);
    try {
      await limits.consume("translateDeployment", "deployment", characters);
    } catch (error) {
      if (payer) await limits.refund("translateUser", payer, characters);
      throw error;
    }
  }

  private async refund(payer: string | null, characters: number) {
    const { limits } = this.options;
    if (payer) await limits.refund("translateUser", payer, characters);
    await limits.refund("translateDeployment", "deployment", characters);
  }
}
