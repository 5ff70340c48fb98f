"use client";

import { Avatar, cx } from "@spool/ui";
import type { Person } from "@/lib/api-types";

/** Search results as checkboxes: Tab moves between people, Space picks or unpicks one. */
export function PeopleResults({
  people,
  isSelected,
  isMember,
  onToggle,
}: {
  people: Person[];
  isSelected: (person: Person) => boolean;
  /** Already in the thread: shown, but not offered again. */
  isMember?: (person: Person) => boolean;
  onToggle: (person: Person) => void;
}) {
  return (
    <ul
      aria-label="People"
      className="divide-y divide-zinc-100 overflow-hidden rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800"
    >
      {people.map((person) => {
        const member = isMember?.(person) ?? false;
        const nameId = `person-${person.id}-name`;
        const noteId = `person-${person.id}-note`;
        return (
          <li key={person.id}>
            <label
              className={cx(
                "flex items-center gap-3 px-3 py-2 text-sm",
                member
                  ? "cursor-not-allowed opacity-70"
                  : "cursor-pointer hover:bg-zinc-50 dark:hover:bg-zinc-900",
              )}
            >
              <input
                type="checkbox"
                checked={member || isSelected(person)}
                disabled={member}
                onChange={() => onToggle(person)}
                aria-labelledby={nameId}
                aria-describedby={noteId}
                className="size-4 accent-indigo-600"
              />
              <Avatar name={person.name} seed={person.id} />
              <span id={nameId} className="min-w-0 flex-1 truncate font-medium">
                {person.name}
              </span>
              <span id={noteId} className="shrink-0 text-xs text-zinc-500 dark:text-zinc-400">
                {member ? "Already a member" : person.username && `@${person.username}`}
              </span>
            </label>
          </li>
        );
      })}
    </ul>
  );
}
