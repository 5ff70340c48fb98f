import { hashPassword, verifyPassword } from "@spool/db";
import type { ServiceDeps } from "../../deps";
import type { RatePolicyName } from "../../rate-limits";

// Checked against when the username is unknown, so that a wrong username takes as long as a
// wrong password and does not reveal which accounts exist.
const decoy = hashPassword("not anyone's password");

/**
 * The account for a username and password, or null. Failed attempts are limited per address
 * and account, per address, and per account (see the sign-in policies): an attacker at one
 * address runs out long before the account does, so the owner can still sign in elsewhere.
 */
export async function verifyCredentials(
  deps: ServiceDeps,
  input: { username: string; password: string; clientAddress: string | null },
): Promise<{ id: string; name: string } | null> {
  const username = input.username.trim().toLowerCase();
  // Requests whose address is unknown share one counter: never a way around the limits.
  const address = input.clientAddress ?? "unknown";
  const counted: [RatePolicyName, string][] = [
    ["signInAddressAccount", `${address} ${username}`],
    ["signInAddress", address],
    ["signInAccount", username],
  ];
  // In order, so that an attempt refused by a narrow counter costs the broader ones nothing.
  for (const [policy, key] of counted) await deps.limits.consume(policy, key);

  const user = await deps.db.user.findUnique({
    where: { username },
    select: { id: true, name: true, passwordHash: true },
  });
  const stored = user?.passwordHash ?? (await decoy);
  const matches = await deps.limits.hashSlots.run(() => verifyPassword(input.password, stored));
  if (!user?.passwordHash || !matches) return null;
  await Promise.all(counted.map(([policy, key]) => deps.limits.refund(policy, key)));
  return { id: user.id, name: user.name };
}
