import { z } from "zod";
import { id, input, text } from "./fields";

export const CreateUserInput = input({
  name: text("name")
    .trim()
    .min(1, "name must not be empty")
    .max(128, "name has at most 128 characters"),
  externalId: text("externalId")
    .min(1, "externalId must not be empty")
    .max(256, "externalId has at most 256 characters")
    .optional(),
  /** Whether people search finds this user. Unset: false for a new user, unchanged otherwise. */
  discoverable: z.boolean().optional(),
});

export const IssueTokenInput = input({
  userId: id("userId"),
  scopes: z
    .array(z.enum(["chat", "chat.join"], { error: "scopes are 'chat' or 'chat.join'" }))
    .min(1)
    .max(2)
    .default(["chat"]),
  expiresInMinutes: z
    .int()
    .min(60, "a token lives at least 60 minutes")
    .max(24 * 60, "a token lives at most 24 hours (1440 minutes)")
    .default(24 * 60),
});

export const UserIdInput = input({ userId: id("userId") });
