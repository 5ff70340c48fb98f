import type { SpoolClient, ThreadEventName, ThreadEvents } from "../../src";
import { until } from "./wait";

export type Recorded = {
  [Name in ThreadEventName]: { name: Name; data: ThreadEvents[Name] };
}[ThreadEventName];

const names: ThreadEventName[] = [
  "message.created",
  "message.edited",
  "message.deleted",
  "member.added",
  "member.removed",
  "thread.created",
  "thread.updated",
  "thread.deleted",
  "reaction.changed",
  "read-receipt",
  "typing",
];

/** Every thread event and connection state a client delivers, in the order delivered. */
export function record(client: SpoolClient) {
  const events: Recorded[] = [];
  const states: string[] = [];
  const errors: unknown[] = [];
  for (const name of names) {
    client.on(name, (data) => events.push({ name, data } as Recorded));
  }
  for (const state of ["connecting", "connected", "disconnected", "reconnected"] as const) {
    client.on(state, () => states.push(state));
  }
  client.on("error", (error) => errors.push(error));
  return {
    events,
    states,
    errors,
    /** The contents of the messages created, in the order delivered. */
    created: (threadId?: string) =>
      events.flatMap((event) =>
        event.name === "message.created" && (!threadId || event.data.threadId === threadId)
          ? [event.data.message.content]
          : [],
      ),
    until: (check: () => boolean, what: string) => until(check, what),
  };
}
