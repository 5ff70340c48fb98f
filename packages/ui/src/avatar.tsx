import { cx } from "./class-names";

// Dark enough for white initials to pass WCAG AA contrast (4.5:1) on each of them.
const palette = [
  "bg-indigo-700",
  "bg-emerald-700",
  "bg-amber-700",
  "bg-rose-700",
  "bg-sky-700",
  "bg-violet-700",
];

/** Initials on a colour that stays the same for the same person. */
export function Avatar({
  name,
  seed,
  className,
}: {
  name: string;
  seed: string;
  className?: string;
}) {
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => [...word][0]!.toUpperCase())
    .join("");
  const colour =
    palette[[...seed].reduce((sum, char) => sum + char.charCodeAt(0), 0) % palette.length];
  return (
    <span
      aria-hidden
      className={cx(
        "inline-flex size-8 shrink-0 items-center justify-center rounded-full text-xs font-semibold text-white",
        colour,
        className,
      )}
    >
      {initials || "?"}
    </span>
  );
}
