import { z } from "zod/mini";
import { messageSchema } from "./message";

// One map from event name to the schema of its data: the publisher builds these, every
// subscriber parses them. Thread events carry the thread's sequence after the change, so a
// subscriber can tell that it missed something and catch up with `message.list({ after })`.

/** Pusher refuses events over 10 KB; a message that would not fit is announced by id alone. */
export const MAX_EVENT_BYTES = 10 * 1024;

const threadEvent = z.object({ threadId: z.string(), sequence: z.int().check(z.minimum(0)) });

/** `message` is null when it was too large to carry: fetch it with `message.get`. */
const messageChange = z.extend(threadEvent, {
  messageId: z.string(),
  message: z.nullable(messageSchema),
});

const thread = z.object({
  id: z.string(),
  kind: z.enum(["direct", "group"]),
  topic: z.string(),
  createdById: z.string(),
  createdAt: z.coerce.date(),
  lastSequence: z.int(),
  lastActivityAt: z.coerce.date(),
  channelEpoch: z.int().check(z.minimum(0)),
  memberCount: z.int(),
});

export const eventSchemas = {
  "message.created": messageChange,
  "message.edited": messageChange,
  "message.deleted": messageChange,
  "member.added": z.extend(messageChange, { userIds: z.array(z.string()) }),
  /** Sent on the thread's old channels; members follow it to the `channelEpoch` ones. */
  "member.removed": z.extend(messageChange, {
    userIds: z.array(z.string()),
    channelEpoch: z.int().check(z.minimum(0)),
  }),
  "thread.created": z.extend(threadEvent, { thread }),
  "thread.updated": z.extend(messageChange, { topic: z.string() }),
  "thread.deleted": threadEvent,
  "reaction.changed": z.extend(threadEvent, {
    messageId: z.string(),
    userId: z.string(),
    emoji: z.string(),
    /** How many people now have this reaction on the message. */
    count: z.int().check(z.minimum(0)),
    added: z.boolean(),
  }),
  "read-receipt": z.extend(threadEvent, {
    userId: z.string(),
    lastReadSequence: z.int().check(z.minimum(0)),
    readAt: z.coerce.date(),
  }),
  typing: z.extend(threadEvent, { userId: z.string(), name: z.string() }),
  /**
   * A message's translations for the languages its thread's auto-translating readers read, at
   * the message's own change sequence (not a change: it never moves a timeline on). An entry
   * with `content` null and no `error` did not fit or is not for every member: fetch it with
   * `translation.translate`; one with an `error` could not be made.
   */
  "message.translated": z.extend(threadEvent, {
    messageId: z.string(),
    version: z.int().check(z.minimum(1)),
    /** The language detected in this version (`und`: not told); its readers need no translation. */
    language: z.string(),
    translations: z.array(
      z.object({
        to: z.string(),
        from: z.nullable(z.string()),
        content: z.nullable(z.string()),
        error: z.nullable(z.string()),
      }),
    ),
  }),
} as const;

export type EventName = keyof typeof eventSchemas;
export type EventData<Name extends EventName> = z.output<(typeof eventSchemas)[Name]>;
/** The data as JSON carries it, before parsing (dates as strings). */
export type EventWireData<Name extends EventName> = z.input<(typeof eventSchemas)[Name]>;

export const eventNames = Object.keys(eventSchemas) as EventName[];

/** Events that record a change at their own sequence; the others report the thread's latest. */
export const changeEvents: ReadonlySet<EventName> = new Set([
  "message.created",
  "message.edited",
  "message.deleted",
  "member.added",
  "member.removed",
  "thread.updated",
  "reaction.changed",
]);

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(eventSchemas, name);
}

/** Parses an event's data, or throws a ZodError saying what does not match the contract. */
export function parseEvent<Name extends EventName>(name: Name, data: unknown): EventData<Name> {
  return eventSchemas[name].parse(data) as EventData<Name>;
}
