/**
 * The path exactly as received (signatures are checked against it) and the parsed query.
 * Node gives `req.url` as the raw request target, e.g. `/apps/1/events?auth_key=...`.
 */
export function splitRequestUrl(url: string | undefined): { path: string; query: URLSearchParams } {
  const target = url ?? "";
  const mark = target.indexOf("?");
  if (mark < 0) return { path: target, query: new URLSearchParams() };
  return { path: target.slice(0, mark), query: new URLSearchParams(target.slice(mark + 1)) };
}
