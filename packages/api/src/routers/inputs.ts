import emojiRegex from "emoji-regex";
import { z } from "zod";
import { limits } from "../limits";

// Bounded inputs for every procedure. Each message says what is allowed.

export const id = (what: string) => z.uuid({ error: `${what} must be an id (a UUID)` });

const topic = z
  .string()
  .trim()
  .max(limits.topicChars, `a topic has at most ${limits.topicChars} characters`);

export const CreateThreadInput = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("direct"), userId: id("userId") }),
    z.object({
      kind: z.literal("group"),
      topic: topic.default(""),
      memberIds: z
        .array(id("memberIds[]"))
        .max(limits.membersPerThread - 1, `a thread has at most ${limits.membersPerThread} members`)
        .default([]),
    }),
  ],
  { error: "kind must be 'direct' (with userId) or 'group' (with topic and memberIds)" },
);

export const ThreadIdInput = z.object({ threadId: id("threadId") });

export const ListThreadsInput = z.object({
  limit: z.int().min(1).max(100, "at most 100 threads per page").default(30),
  cursor: z.string().max(100).optional(),
  /** Only threads whose topic contains this text, case-insensitively. */
  topic: z.string().trim().max(limits.topicChars).optional(),
});

export const UpdateTopicInput = ThreadIdInput.extend({ topic });

export const AddMembersInput = ThreadIdInput.extend({
  userIds: z
    .array(id("userIds[]"))
    .min(1, "give at least one user to add")
    .max(limits.membersPerAdd, `at most ${limits.membersPerAdd} users per call`),
  /** The new members see history from this moment on; unset shares all of it. */
  shareHistoryTime: z.date().optional(),
});

export const RemoveMemberInput = ThreadIdInput.extend({ userId: id("userId") });

const content = z
  .string()
  .min(1, "content must not be empty")
  // Characters never outnumber UTF-8 bytes; the exact byte count is checked by the service.
  .max(limits.contentBytes, `content is at most ${limits.contentBytes} bytes of UTF-8`);

const metadata = z
  .record(z.string().min(1).max(64, "metadata keys have at most 64 characters"), z.string())
  .refine((value) => Object.keys(value).length <= 32, "metadata has at most 32 keys");

export const SendMessageInput = ThreadIdInput.extend({
  content,
  type: z.enum(["text", "html"], { error: "type must be 'text' or 'html'" }).default("text"),
  priority: z
    .enum(["normal", "high"], { error: "priority must be 'normal' or 'high'" })
    .default("normal"),
  /** Chosen by the client; sending again with the same id returns the original message. */
  clientMessageId: z
    .string()
    .regex(/^[\w.:-]{1,128}$/, "clientMessageId is 1-128 letters, digits or . _ : -")
    .optional(),
  metadata: metadata.optional(),
});

export const MessageIdInput = z.object({ messageId: id("messageId") });

export const EditMessageInput = MessageIdInput.extend({ content, metadata: metadata.optional() });

export const ListMessagesInput = ThreadIdInput.extend({
  limit: z.int().min(1).max(limits.pageSize, `at most ${limits.pageSize} per page`).default(50),
  /** Changes after this sequence, oldest first: catch-up after a disconnect. */
  after: z.int().min(0).optional(),
  /** History before this sequence, newest page first: scrolling up. */
  before: z.int().min(1).optional(),
}).refine((input) => input.after === undefined || input.before === undefined, {
  error: "give either after or before, not both",
});

export const MarkReadInput = ThreadIdInput.extend({ sequence: z.int().min(1) });

const emoji = z
  .string()
  .max(64, "emoji is one emoji")
  .refine((value) => {
    const match = value.match(emojiRegex());
    return match?.length === 1 && match[0] === value;
  }, "emoji must be exactly one unicode emoji, such as 👍");

export const ReactionInput = MessageIdInput.extend({ emoji });

export const CreateUserInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, "name must not be empty")
    .max(128, "name has at most 128 characters"),
  externalId: z.string().min(1).max(256, "externalId has at most 256 characters").optional(),
  /** Whether people search finds this user. Unset: false for a new user, unchanged otherwise. */
  discoverable: z.boolean().optional(),
});

export const IssueTokenInput = z.object({
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

export const UserIdInput = z.object({ userId: id("userId") });

export const SignUpInput = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(
      /^[a-z0-9][a-z0-9_.-]{2,31}$/,
      "username is 3-32 letters, digits or . _ - and starts with a letter or digit",
    ),
  name: z
    .string()
    .trim()
    .min(1, "name must not be empty")
    .max(128, "name has at most 128 characters"),
  password: z
    .string()
    .min(8, "password has at least 8 characters")
    .max(128, "password has at most 128 characters"),
});

export const SearchUsersInput = z.object({
  query: z.string().trim().max(128).default(""),
  limit: z.int().min(1).max(50, "at most 50 people per search").default(20),
});
