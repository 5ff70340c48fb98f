import type { PrismaClient, Prisma } from "@spool/db";
import { DomainError } from "../../errors";

/** Refuses unless every id names an existing user; says which do not. */
export async function requireUsers(db: PrismaClient | Prisma.TransactionClient, ids: string[]) {
  const unique = [...new Set(ids)];
  const found = await db.user.findMany({ where: { id: { in: unique } }, select: { id: true } });
  if (found.length !== unique.length) {
    const known = new Set(found.map((user) => user.id));
    const missing = unique.filter((id) => !known.has(id));
    throw new DomainError("USER_NOT_FOUND", `No user with id ${missing.join(", ")}.`);
  }
  return unique;
}
