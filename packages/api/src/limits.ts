/** The numbers of DESIGN.md §3. Errors quote them, so a caller knows what is allowed. */
export const limits = {
  contentBytes: 28 * 1024,
  metadataBytes: 4 * 1024,
  topicChars: 256,
  membersPerThread: 250,
  membersPerAdd: 200,
  pageSize: 200,
  reactionsPerMessage: 20,
  /** Unread counts stop here (shown as "99+"), so their cost never grows with the backlog. */
  unreadCountCap: 100,
  /**
   * A request body. The largest valid message.send is ~197 KB on the wire when a client
   * escapes every byte as \u00XX (28 KB content × 6 + 4 KB metadata × 6 + the envelope): a
   * mebibyte holds a batch of five of those.
   */
  bodyBytes: 1024 * 1024,
  /** Path and query of a GET: a query's input travels in the URL. */
  urlBytes: 8 * 1024,
  /** Calls in one `?batch=1` request. */
  batchCalls: 10,
  /** Levels of nested objects and arrays in one call's input, superjson envelope included. */
  inputDepth: 32,
} as const;
