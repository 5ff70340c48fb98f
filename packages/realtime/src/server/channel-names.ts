import { z } from "zod";
import { fixedLimits } from "./limits";

/**
 * `user` is the channel pusher-js joins by itself after `pusher:signin`
 * (`#server-to-user-{id}`), through which the SDK's `sendToUser` reaches one user.
 */
export type ChannelKind = "public" | "private" | "presence" | "user";

const USER_CHANNEL_PREFIX = "#server-to-user-";
const ALLOWED = /^[A-Za-z0-9_\-=@,.;]+$/;

export function isValidChannelName(name: string): boolean {
  if (name.length > fixedLimits.channelNameChars) return false;
  const rest = name.startsWith(USER_CHANNEL_PREFIX) ? name.slice(USER_CHANNEL_PREFIX.length) : name;
  return ALLOWED.test(rest);
}

export function channelKind(name: string): ChannelKind {
  if (name.startsWith("presence-")) return "presence";
  if (name.startsWith("private-")) return "private";
  if (name.startsWith(USER_CHANNEL_PREFIX)) return "user";
  return "public";
}

/** The user whose personal channel this is. */
export function userChannelOwner(name: string): string {
  return name.slice(USER_CHANNEL_PREFIX.length);
}

/** End-to-end encrypted channels need key handling this server does not do. */
export function isEncryptedChannel(name: string): boolean {
  return name.startsWith("private-encrypted-");
}

export const ChannelName = z
  .string()
  .refine(
    isValidChannelName,
    `channel names are at most ${fixedLimits.channelNameChars} of A-Z a-z 0-9 _ - = @ , . ;`,
  );
