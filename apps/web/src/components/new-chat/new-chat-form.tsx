"use client";

import { Button, TextField } from "@spool/ui";
import { useMutation } from "@tanstack/react-query";
import type { Route } from "next";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import type { Person, RouterInputs } from "@/lib/api-types";
import { useTRPC } from "@/lib/trpc";
import { PeoplePicker } from "./people-picker";
import { describeApiError } from "@/lib/api-error";
import { apiFieldError } from "@/lib/api-field-error";

const TOPIC_MAX = 256;

function submitLabel(people: Person[]): string {
  if (people.length === 0) return "Start chat";
  if (people.length === 1) return `Start chat with ${people[0]!.name}`;
  return `Start chat with ${people.length} people`;
}

/**
 * One person picked: their 1:1 chat (the existing one if there is one). Several: a group,
 * which needs a topic. The new thread opens; the list learns of it from the mutation.
 */
export function NewChatForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(trpc.thread.create.mutationOptions());
  const [people, setPeople] = useState<Person[]>([]);
  const [topic, setTopic] = useState("");
  const [errors, setErrors] = useState<{ people?: string; topic?: string; form?: string }>({});
  const topicId = useId();
  const focusTopic = () => document.getElementById(topicId)?.focus();
  const group = people.length > 1;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (people.length === 0) {
      setErrors({ people: "Choose at least one person to chat with." });
      return;
    }
    if (group && !topic.trim()) {
      setErrors({ topic: "A group needs a topic." });
      focusTopic();
      return;
    }
    setErrors({});
    const input: RouterInputs["thread"]["create"] = group
      ? { kind: "group", topic: topic.trim(), memberIds: people.map((person) => person.id) }
      : { kind: "direct", userId: people[0]!.id };
    try {
      const { thread } = await create.mutateAsync(input);
      router.push(`/chat/${thread.id}` as Route);
    } catch (error) {
      const topicError = apiFieldError(error, "topic");
      setErrors(topicError ? { topic: topicError } : { form: describeApiError(error).message });
      if (topicError) focusTopic();
    }
  }

  return (
    <form onSubmit={submit} noValidate className="flex max-w-xl flex-col gap-5">
      <PeoplePicker
        selected={people}
        onChange={(next) => {
          setPeople(next);
          setErrors({});
        }}
        autoFocus
      />
      {errors.people && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {errors.people}
        </p>
      )}
      {group && (
        <TextField
          id={topicId}
          label="Topic"
          name="topic"
          value={topic}
          onChange={(event) => setTopic(event.target.value)}
          hint={`What the group is about, up to ${TOPIC_MAX} characters`}
          error={errors.topic}
          maxLength={TOPIC_MAX}
          required
          autoComplete="off"
        />
      )}
      {errors.form && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {errors.form}
        </p>
      )}
      <div>
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Starting…" : submitLabel(people)}
        </Button>
      </div>
    </form>
  );
}
