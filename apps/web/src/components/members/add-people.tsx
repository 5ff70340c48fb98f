"use client";

import { Button } from "@spool/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { PeoplePicker } from "@/components/new-chat/people-picker";
import type { Person, ThreadMember } from "@/lib/api-types";
import { useTRPC } from "@/lib/trpc";
import { describeApiError } from "@/lib/api-error";

function addLabel(people: Person[]): string {
  if (people.length === 1) return `Add ${people[0]!.name}`;
  return people.length === 0 ? "Add" : `Add ${people.length} people`;
}

/** Picks people who are not members yet and adds them to the group. */
export function AddPeople({ threadId, members }: { threadId: string; members: ThreadMember[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [people, setPeople] = useState<Person[]>([]);
  const headingId = useId();
  const add = useMutation(
    trpc.member.add.mutationOptions({
      onSuccess: () => {
        // This tab hears no event for its own change.
        void queryClient.invalidateQueries(trpc.member.list.queryFilter({ threadId }));
        void queryClient.invalidateQueries(trpc.thread.get.queryFilter({ threadId }));
        setPeople([]);
        setOpen(false);
      },
    }),
  );
  const memberIds = new Set(members.map((member) => member.userId));

  if (!open) {
    return (
      <Button look="secondary" className="self-start" onClick={() => setOpen(true)}>
        Add people
      </Button>
    );
  }
  return (
    <section
      aria-labelledby={headingId}
      className="flex flex-col gap-3 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800"
    >
      <h3 id={headingId} className="text-sm font-semibold">
        Add people
      </h3>
      <PeoplePicker
        selected={people}
        onChange={setPeople}
        isMember={(person) => memberIds.has(person.id)}
        autoFocus
      />
      {add.error && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {describeApiError(add.error).message}
        </p>
      )}
      <div className="flex gap-2">
        <Button
          disabled={people.length === 0 || add.isPending}
          onClick={() => add.mutate({ threadId, userIds: people.map((person) => person.id) })}
        >
          {add.isPending ? "Adding…" : addLabel(people)}
        </Button>
        <Button
          look="ghost"
          onClick={() => {
            add.reset();
            setPeople([]);
            setOpen(false);
          }}
        >
          Cancel
        </Button>
      </div>
    </section>
  );
}
