import { channelKind } from "./channel-names";
import { encodeWithData } from "./protocol";

/** What a channel needs of a connection: somewhere to put frames. */
export interface Subscriber {
  send(frame: string | Buffer): void;
}

export interface PresenceMember {
  id: string;
  info: unknown;
}

export interface PresenceRoster {
  ids: string[];
  hash: Record<string, unknown>;
  count: number;
}

interface Channel {
  /** Each subscriber, with its presence user id on presence channels. */
  subscribers: Map<Subscriber, string | undefined>;
  /** Presence only: each user with the info of their first connection and how many they have. */
  members?: Map<string, { info: unknown; connections: number }>;
}

/**
 * The subscriptions of one app, and the members of its presence channels. A channel exists only
 * while someone is subscribed, so memory follows what is in use, not what was ever used.
 */
export class ChannelRegistry {
  private readonly channels = new Map<string, Channel>();

  get size(): number {
    return this.channels.size;
  }

  isOccupied(name: string): boolean {
    return this.channels.has(name);
  }

  /** The presence user id this subscriber joined as. */
  memberId(name: string, subscriber: Subscriber): string | undefined {
    return this.channels.get(name)?.subscribers.get(subscriber);
  }

  /**
   * Subscribes, and on a presence channel announces the member to everyone else, but only on
   * that user's first connection: a second tab is not a second person.
   */
  join(name: string, subscriber: Subscriber, member?: PresenceMember): void {
    let channel = this.channels.get(name);
    if (!channel) {
      const presence = channelKind(name) === "presence";
      channel = { subscribers: new Map(), members: presence ? new Map() : undefined };
      this.channels.set(name, channel);
    }
    channel.subscribers.set(subscriber, member?.id);
    if (!member || !channel.members) return;
    const known = channel.members.get(member.id);
    if (known) {
      known.connections += 1;
      return;
    }
    channel.members.set(member.id, { info: member.info, connections: 1 });
    const added = { user_id: member.id, user_info: member.info };
    this.publish(name, encodeWithData("pusher_internal:member_added", added, name), subscriber);
  }

  /** Unsubscribes; the member is announced gone after their last connection leaves. */
  leave(name: string, subscriber: Subscriber): void {
    const channel = this.channels.get(name);
    if (!channel?.subscribers.has(subscriber)) return;
    const userId = channel.subscribers.get(subscriber);
    channel.subscribers.delete(subscriber);
    if (channel.subscribers.size === 0) {
      this.channels.delete(name);
      return;
    }
    if (userId === undefined || !channel.members) return;
    const member = channel.members.get(userId);
    if (!member) return;
    member.connections -= 1;
    if (member.connections > 0) return;
    channel.members.delete(userId);
    this.publish(name, encodeWithData("pusher_internal:member_removed", { user_id: userId }, name));
  }

  /**
   * Sends one frame to every subscriber but `except`. It is encoded once: each subscriber gets
   * the same bytes, so a broadcast costs one serialisation whatever the audience.
   */
  publish(name: string, frame: string, except?: Subscriber): void {
    const channel = this.channels.get(name);
    if (!channel) return;
    const bytes = Buffer.from(frame, "utf8");
    for (const subscriber of channel.subscribers.keys()) {
      if (subscriber !== except) subscriber.send(bytes);
    }
  }

  /** Undefined when nobody is subscribed. */
  counts(name: string): { subscriptions: number; users?: number } | undefined {
    const channel = this.channels.get(name);
    if (!channel) return undefined;
    return { subscriptions: channel.subscribers.size, users: channel.members?.size };
  }

  roster(name: string): PresenceRoster {
    const members = [...(this.channels.get(name)?.members ?? [])];
    // fromEntries defines own properties, so a user id such as "__proto__" stays a plain key.
    const hash = Object.fromEntries(members.map(([id, member]) => [id, member.info]));
    return { ids: members.map(([id]) => id), hash, count: members.length };
  }

  names(prefix = ""): string[] {
    return [...this.channels.keys()].filter((name) => name.startsWith(prefix));
  }
}
