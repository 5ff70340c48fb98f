import type { TokenScope } from "@spool/db";
import type { ServiceDeps } from "../../deps";
import { requireUsers } from "../users/require-users";
import { hashToken, newTokenSecret } from "./tokens";

const storedScope = { chat: "chat", "chat.join": "chat_join" } as const satisfies Record<
  string,
  TokenScope
>;

/** A bearer token for one user. The secret is returned once and never stored. */
export async function issueToken(
  deps: ServiceDeps,
  input: { userId: string; scopes: ("chat" | "chat.join")[]; expiresInMinutes: number },
): Promise<{ token: string; expiresAt: Date; scopes: ("chat" | "chat.join")[] }> {
  await requireUsers(deps.db, [input.userId]);
  const token = newTokenSecret();
  const expiresAt = new Date(Date.now() + input.expiresInMinutes * 60_000);
  const scopes = [...new Set(input.scopes)];
  await deps.db.accessToken.create({
    data: {
      userId: input.userId,
      tokenHash: hashToken(token),
      scopes: scopes.map((scope) => storedScope[scope]),
      expiresAt,
    },
  });
  return { token, expiresAt, scopes };
}
