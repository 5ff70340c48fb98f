import { z } from "zod";
import { limits } from "../limits";
import { id, input, language, sequence, text } from "./fields";
import { ThreadIdInput } from "./thread";

const content = text("content")
  .min(1, "content must not be empty")
  // Characters never outnumber UTF-8 bytes; the exact byte count is checked by the service.
  .max(limits.contentBytes, `content is at most ${limits.contentBytes} bytes of UTF-8`);

const metadata = z
  .record(
    text("metadata keys")
      .min(1)
      .max(64, "metadata keys have at most 64 characters")
      // superjson refuses to send these back (prototype pollution), so a message holding one
      // could never be read again.
      .refine(
        (key) => !["__proto__", "constructor", "prototype"].includes(key),
        "metadata keys must not be __proto__, constructor or prototype",
      ),
    text("metadata values"),
    {
      // zod's own message for a bad key is "Invalid key in record": say what is wrong with it.
      error: (issue) =>
        issue.code === "invalid_key"
          ? issue.issues.map((inner) => inner.message).join("; ")
          : undefined,
    },
  )
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

export const MessageIdInput = input({ messageId: id("messageId") });

export const EditMessageInput = MessageIdInput.extend({ content, metadata: metadata.optional() });

export const ListMessagesInput = ThreadIdInput.extend({
  limit: z.int().min(1).max(limits.pageSize, `at most ${limits.pageSize} per page`).default(50),
  /** Changes after this sequence, oldest first: catch-up after a disconnect. */
  after: sequence("after", 0).optional(),
  /** History before this sequence, newest page first: scrolling up. */
  before: sequence("before", 1).optional(),
  /** Each entry also carries its translation into this language (`translation`). */
  translateTo: language("translateTo").optional(),
}).refine((input) => input.after === undefined || input.before === undefined, {
  error: "give either after or before, not both",
});
