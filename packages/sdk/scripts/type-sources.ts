// The SDK's public types, named here by where they come from: the router's inputs and outputs
// and the realtime contract. `npm run generate:types` writes each out in full into
// src/api-types.ts, so that the published .d.ts stands alone (no @spool/api, Prisma or zod
// behind it); a test fails when that file no longer matches these.
import type { AppRouter } from "@spool/api";
import type { EventData, EventName, RealtimeDiscovery } from "@spool/realtime/contract";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

type Out = inferRouterOutputs<AppRouter>;
type In = inferRouterInputs<AppRouter>;

/** One emoji on a message. */
export type Reaction = Out["reaction"]["list"][number];
/** One entry of a thread's history: a message, or an activity (member added, topic changed). */
export type Message = Out["message"]["get"];
/** A thread the user is a member of. */
export type Thread = Out["thread"]["get"];
/** A thread in the user's list: with unread counts (100 means "100 or more") and last message. */
export type ThreadListItem = Out["thread"]["list"]["items"][number];
/** One page of history: `nextCursor` for the next, `threadSequence` the thread's latest. */
export type MessagePage = Out["message"]["list"];
/** Everything about a thread the user may see, as one document. */
export type ThreadExport = Out["thread"]["export"];
export type Member = Out["member"]["list"][number];
/** Who was added, and the history entry that records it (null when nobody new was added). */
export type AddedMembers = Out["member"]["add"];
/** One member's read horizon. */
export type ReadReceipt = Out["receipt"]["list"][number];
/** The user's read horizon after `markRead` (never moves backwards). */
export type ReadHorizon = Out["receipt"]["markRead"];
/** The emoji's count after `react` or `unreact`. */
export type ReactionResult = Out["reaction"]["add"];
/** The signed-in user. */
export type Me = Out["user"]["me"];
/** A message in another language, with the language it was translated from. */
export type Translation = Out["translation"]["translate"];
/** The languages the server's translation provider offers (empty: translation is off). */
export type Languages = Out["translation"]["languages"];
/** The user's own translation settings in one thread. */
export type ThreadPreferences = Out["member"]["preferences"];
/** A user of the app, made by `SpoolAdmin.createUser`. */
export type SpoolUser = Out["identity"]["createUser"];
/** A bearer token; its secret is shown only this once. */
export type IssuedToken = Out["identity"]["issueToken"];

export type CreateUserOptions = In["identity"]["createUser"];
export type IssueTokenOptions = Omit<In["identity"]["issueToken"], "userId">;
export type CreateThreadOptions = Omit<Extract<In["thread"]["create"], { kind: "group" }>, "kind">;
export type SendOptions = Omit<In["message"]["send"], "threadId" | "clientMessageId">;
export type EditOptions = Omit<In["message"]["edit"], "messageId">;
export type AddMembersOptions = Omit<In["member"]["add"], "threadId">;
export type PreferencesOptions = In["user"]["updatePreferences"];
/** The user's translation settings after `updatePreferences`. */
export type Preferences = Out["user"]["updatePreferences"];

/** What `GET /api/realtime/config` answers. */
export type RealtimeConfig = RealtimeDiscovery;

/** Every realtime event, by name, with its data (dates parsed). */
export type SpoolEventMap = { [Name in EventName]: EventData<Name> };
