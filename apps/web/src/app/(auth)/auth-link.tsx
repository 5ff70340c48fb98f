import type { Route } from "next";
import Link from "next/link";

/** The one way on from an auth page, styled as the other auth pages' links. */
export function AuthLink({ href, children }: { href: Route; children: string }) {
  return (
    <Link className="font-medium text-indigo-600 underline dark:text-indigo-400" href={href}>
      {children}
    </Link>
  );
}
