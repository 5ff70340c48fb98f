// Sentences about several people, short enough for one line.

/** "Bob", "Bob and Carol", "Bob, Carol and Dan", "Bob, Carol, Dan and 4 others". */
export function joinNames(names: readonly string[], max = 3): string {
  if (names.length <= 1) return names[0] ?? "";
  if (names.length > max) {
    const rest = names.length - max;
    return `${names.slice(0, max).join(", ")} and ${rest} ${rest === 1 ? "other" : "others"}`;
  }
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** The typing line: one or two names, then "Several people". */
export function typingSentence(names: readonly string[]): string {
  if (names.length === 0) return "";
  if (names.length === 1) return `${names[0]} is typing…`;
  if (names.length === 2) return `${names[0]} and ${names[1]} are typing…`;
  return "Several people are typing…";
}

/** "Seen by Bob, Carol" and, past a handful, "Seen by Bob, Carol, Dan and 4 others". */
export function seenBySentence(names: readonly string[], max = 4): string {
  if (names.length === 0) return "";
  if (names.length <= max) return `Seen by ${names.join(", ")}`;
  const rest = names.length - max;
  return `Seen by ${names.slice(0, max).join(", ")} and ${rest} ${rest === 1 ? "other" : "others"}`;
}
