/** The key that makes a 1:1 thread unique per pair of users, whoever creates it. */
export function directPairKey(userA: string, userB: string): string {
  return [userA, userB].sort().join(":");
}
