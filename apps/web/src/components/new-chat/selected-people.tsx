"use client";

import { Avatar } from "@spool/ui";
import type { Person } from "@/lib/api-types";

/** Who has been picked so far, each with a button to take them off again. */
export function SelectedPeople({
  people,
  onUnselect,
}: {
  people: Person[];
  onUnselect: (person: Person) => void;
}) {
  if (people.length === 0) return null;
  return (
    <ul aria-label="Selected people" className="flex flex-wrap gap-2">
      {people.map((person) => (
        <li
          key={person.id}
          className="flex items-center gap-1.5 rounded-full bg-indigo-50 py-0.5 pr-1 pl-0.5 text-sm text-indigo-950 dark:bg-indigo-950 dark:text-indigo-100"
        >
          <Avatar name={person.name} seed={person.id} className="size-6 text-[10px]" />
          <span className="max-w-48 truncate">{person.name}</span>
          <button
            type="button"
            aria-label={`Unselect ${person.name}`}
            onClick={() => onUnselect(person)}
            className="inline-flex size-6 items-center justify-center rounded-full hover:bg-indigo-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-indigo-900"
          >
            <span aria-hidden>×</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
