// Mirrors `limits.contentBytes` in @spool/api, whose index is server-only. Checked here only to
// say so before sending; the server stays the authority.
export const maxContentBytes = 28 * 1024;

export function contentBytes(text: string): number {
  return new TextEncoder().encode(text).length;
}
