import { limits } from "@spool/api/limits";

// Checked here only to say so before sending; the server stays the authority.
export const maxContentBytes = limits.contentBytes;

export function contentBytes(text: string): number {
  return new TextEncoder().encode(text).length;
}
