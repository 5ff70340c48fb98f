import { hashPassword, Prisma } from "@spool/db";
import type { ServiceDeps } from "../../deps";
import { DomainError } from "../../errors";

/** A username + password account for the browser; the name is how others see the person. */
export async function signUp(
  deps: ServiceDeps,
  input: { username: string; name: string; password: string },
): Promise<{ id: string; username: string; name: string }> {
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await deps.db.user.create({
      data: { username: input.username, name: input.name, passwordHash },
      select: { id: true, username: true, name: true },
    });
    return { ...user, username: user.username! };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DomainError(
        "USERNAME_TAKEN",
        `The username ${input.username} is taken; try another.`,
      );
    }
    throw error;
  }
}
