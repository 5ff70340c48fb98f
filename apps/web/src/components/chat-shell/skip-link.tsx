import { cx } from "@spool/ui";

export const mainContentId = "main-content";

/** The first thing a keyboard user tabs to: past the thread list, to the open thread. */
export function SkipLink({ className }: { className?: string }) {
  return (
    <a
      href={`#${mainContentId}`}
      className={cx(
        "sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-indigo-600 focus:px-3 focus:py-2 focus:text-sm focus:font-medium focus:text-white",
        className,
      )}
    >
      Skip to content
    </a>
  );
}
