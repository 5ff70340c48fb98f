/** The numbers of DESIGN.md §3. Errors quote them, so a caller knows what is allowed. */
export const limits = {
  contentBytes: 28 * 1024,
  metadataBytes: 4 * 1024,
  topicChars: 256,
  membersPerThread: 250,
  membersPerAdd: 200,
  pageSize: 200,
  reactionsPerMessage: 20,
} as const;
