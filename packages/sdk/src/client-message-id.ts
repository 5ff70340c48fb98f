/**
 * The name of one message the user sends, chosen before the first try so that every retry is
 * the same message to the server. `crypto.randomUUID` only exists in secure contexts (a page
 * opened by LAN address over http is not one): fall back to `getRandomValues` there.
 */
export function newClientMessageId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
