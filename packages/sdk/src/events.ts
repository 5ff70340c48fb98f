import type { Message, SpoolEventMap } from "./api-types";
import type { SpoolError } from "./errors";

/** An event as the SDK delivers it: a message too large for Pusher has been fetched. */
type Delivered<Data> = Data extends { message: Message | null }
  ? Omit<Data, "message"> & { message: Message }
  : Data;

/** Every realtime event of the user's threads, by name. */
export type ThreadEvents = { [Name in keyof SpoolEventMap]: Delivered<SpoolEventMap[Name]> };
export type ThreadEventName = keyof ThreadEvents;

/** The connection: `reconnected` comes once what was missed has been asked for. */
export interface ConnectionEvents {
  connecting: undefined;
  connected: undefined;
  disconnected: undefined;
  reconnected: undefined;
  /** Something the SDK could not do in the background (a catch-up, a handler that threw). */
  error: SpoolError | Error;
}

export type ClientEvents = ThreadEvents & ConnectionEvents;

export type Handler<Data> = (data: Data) => void;

/** A small typed emitter; a handler that throws is reported as `error`, never stops the rest. */
export class Emitter<Events extends { error: unknown }> {
  private readonly handlers = new Map<keyof Events, Set<Handler<never>>>();

  on<Name extends keyof Events>(name: Name, handler: Handler<Events[Name]>): () => void {
    let set = this.handlers.get(name);
    if (!set) this.handlers.set(name, (set = new Set()));
    set.add(handler as Handler<never>);
    return () => void set.delete(handler as Handler<never>);
  }

  emit<Name extends keyof Events>(name: Name, data: Events[Name]): void {
    for (const handler of this.handlers.get(name) ?? []) {
      try {
        (handler as Handler<Events[Name]>)(data);
      } catch (error) {
        if (name === "error") throw error;
        this.emit("error", error as Events["error"]);
      }
    }
  }
}
