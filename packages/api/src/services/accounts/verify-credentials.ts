import { hashPassword, verifyPassword } from "@spool/db";
import type { ServiceDeps } from "../../deps";

// Checked against when the username is unknown, so that a wrong username takes as long as a
// wrong password and does not reveal which accounts exist.
const decoy = hashPassword("not anyone's password");

/** The account for a username and password, or null. Attempts per username are rate-limited. */
export async function verifyCredentials(
  deps: ServiceDeps,
  input: { username: string; password: string },
): Promise<{ id: string; name: string } | null> {
  const username = input.username.trim().toLowerCase();
  await deps.limits.consume("signIn", username);
  const user = await deps.db.user.findUnique({
    where: { username },
    select: { id: true, name: true, passwordHash: true },
  });
  const matches = await verifyPassword(input.password, user?.passwordHash ?? (await decoy));
  return user?.passwordHash && matches ? { id: user.id, name: user.name } : null;
}
