// Which thread a chat URL shows: /chat/{threadId} and anything beneath it.
const threadPath = /^\/chat\/([0-9a-f-]{36})(?:\/|$)/;

export function threadIdFromPath(pathname: string | null): string | undefined {
  return (pathname && threadPath.exec(pathname)?.[1]) || undefined;
}
