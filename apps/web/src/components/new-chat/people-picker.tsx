"use client";

import { TextField } from "@spool/ui";
import { useState } from "react";
import type { Person } from "@/lib/api-types";
import { PeopleResults } from "./people-results";
import { SelectedPeople } from "./selected-people";
import { usePeopleSearch } from "./use-people-search";
import { describeApiError } from "@/lib/api-error";

/**
 * Finds people by name or username and picks any number of them. The picked ones stay
 * picked while the search changes. Used by new chat and by the members panel's "Add people".
 */
export function PeoplePicker({
  selected,
  onChange,
  isMember,
  autoFocus,
}: {
  selected: Person[];
  onChange: (people: Person[]) => void;
  isMember?: (person: Person) => boolean;
  autoFocus?: boolean;
}) {
  const [text, setText] = useState("");
  const search = usePeopleSearch(text);
  const people = search.data ?? [];
  const isSelected = (person: Person) => selected.some((picked) => picked.id === person.id);
  const toggle = (person: Person) =>
    onChange(
      isSelected(person)
        ? selected.filter((picked) => picked.id !== person.id)
        : [...selected, person],
    );

  let status: string;
  if (search.isPending) status = "Searching…";
  else if (search.isError) status = `Search failed: ${describeApiError(search.error).message}`;
  else if (people.length === 0)
    status = text.trim() ? `No one matches “${text.trim()}”.` : "No one else has an account yet.";
  else status = `${people.length} ${people.length === 1 ? "person" : "people"} found`;

  return (
    <div className="flex flex-col gap-3">
      <TextField
        label="Find people"
        type="search"
        value={text}
        onChange={(event) => setText(event.target.value)}
        // Enter here would submit the form around the picker, half filled in.
        onKeyDown={(event) => event.key === "Enter" && event.preventDefault()}
        hint="Search by name or username"
        autoComplete="off"
        maxLength={128}
        autoFocus={autoFocus}
      />
      <SelectedPeople people={selected} onUnselect={toggle} />
      <p
        role="status"
        aria-live="polite"
        className={
          people.length > 0 && search.settled
            ? "sr-only"
            : "text-sm text-zinc-500 dark:text-zinc-400"
        }
      >
        {search.settled || search.isPending ? status : ""}
      </p>
      {people.length > 0 && (
        <PeopleResults
          people={people}
          isSelected={isSelected}
          isMember={isMember}
          onToggle={toggle}
        />
      )}
    </div>
  );
}
