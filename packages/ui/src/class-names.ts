/** Joins the class names that are set, so components can add to a caller's `className`. */
export function cx(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(" ");
}
