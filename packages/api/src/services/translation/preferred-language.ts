import type { PrismaClient } from "@spool/db";
import { DomainError } from "../../errors";

/** The caller's preferred language, or a refusal saying how to choose one. */
export async function preferredLanguage(db: PrismaClient, userId: string): Promise<string> {
  const { language } = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { language: true },
  });
  if (language) return language;
  throw new DomainError(
    "INVALID_INPUT",
    "to: give a language, or set a preferred one with user.updatePreferences({ language }).",
  );
}
