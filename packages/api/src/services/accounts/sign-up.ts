import { hashPassword, Prisma } from "@spool/db";
import type { ServiceDeps } from "../../deps";
import { DomainError } from "../../errors";

/** A username + password account for the browser; the name is how others see the person. */
export async function signUp(
  deps: ServiceDeps,
  input: { username: string; name: string; password: string },
  clientAddress: string | null,
): Promise<{ id: string; username: string; name: string }> {
  // Counted before the hash, so a flood from one address is refused before it costs anything.
  await deps.limits.consume("signUpAddress", clientAddress ?? "unknown");
  const taken = () =>
    new DomainError("USERNAME_TAKEN", `The username ${input.username} is taken; try another.`);
  const existing = await deps.db.user.findUnique({
    where: { username: input.username },
    select: { id: true },
  });
  if (existing) throw taken();
  const passwordHash = await deps.limits.hashSlots.run(() => hashPassword(input.password));
  try {
    const user = await deps.db.user.create({
      data: { username: input.username, name: input.name, passwordHash },
      select: { id: true, username: true, name: true },
    });
    return { ...user, username: user.username! };
  } catch (error) {
    // Taken by a sign-up that ran at the same time.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw taken();
    }
    throw error;
  }
}
