/**
 * One line saying why a check failed. The innermost cause says the most: fetch reports
 * "fetch failed" around "connect ECONNREFUSED", and pg an empty AggregateError around one
 * error per address tried.
 */
export function describeError(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) {
    return [...new Set(error.errors.map(describeError))].join("; ");
  }
  if (error instanceof Error) {
    if (error.cause !== undefined) return describeError(error.cause);
    return lastLine(error.message) || error.name;
  }
  return String(error);
}

// Prisma puts the call site first ("Invalid `prisma.$queryRaw()` invocation:") and the reason last.
function lastLine(message: string): string {
  return message.trim().split("\n").at(-1)?.trim() ?? "";
}
