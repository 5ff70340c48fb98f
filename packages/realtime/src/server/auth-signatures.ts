import { createHmac, timingSafeEqual } from "node:crypto";
import type { AppCredentials } from "./options";

/** HMAC-SHA256 of `text` keyed by the app secret, lowercase hex: every Pusher signature. */
export function sign(secret: string, text: string): string {
  return createHmac("sha256", secret).update(text, "utf8").digest("hex");
}

/** What a private or presence subscription signs: presence adds the exact channel_data sent. */
export function channelSignature(
  secret: string,
  socketId: string,
  channel: string,
  channelData?: string,
): string {
  const text =
    channelData === undefined ? `${socketId}:${channel}` : `${socketId}:${channel}:${channelData}`;
  return sign(secret, text);
}

/** What `pusher:signin` signs. */
export function userSignature(secret: string, socketId: string, userData: string): string {
  return sign(secret, `${socketId}::user::${userData}`);
}

/** Equality that takes as long for a near miss as for a wild guess. */
export function safeEqual(expected: string, given: string): boolean {
  const a = Buffer.from(expected, "utf8");
  const b = Buffer.from(given, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Checks an `auth` value (`key:signature`) against what it should sign. The key is public; only
 * the signature is compared in constant time.
 */
export function verifyAuth(app: AppCredentials, auth: string, expectedSignature: string): boolean {
  const separator = auth.indexOf(":");
  if (separator < 0 || auth.slice(0, separator) !== app.key) return false;
  return safeEqual(expectedSignature, auth.slice(separator + 1));
}
