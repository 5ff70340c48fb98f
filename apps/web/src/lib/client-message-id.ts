/**
 * An id for one message the user sends, chosen before the first attempt so that every retry
 * is the same message to the server. `crypto.randomUUID` only exists in secure contexts; a
 * dev server opened by LAN address is not one, so fall back to `getRandomValues`.
 */
export function newClientMessageId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
