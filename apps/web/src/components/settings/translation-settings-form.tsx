"use client";

import { Button } from "@spool/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { describeApiError } from "@/lib/api-error";
import { browserLanguage, languageName } from "@/lib/language";
import { useTRPC } from "@/lib/trpc";

/** The reader's language (the browser's until chosen) and "Translate messages automatically". */
export function TranslationSettingsForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const headingId = useId();
  const me = useQuery(trpc.user.me.queryOptions());
  const offered = useQuery(trpc.translation.languages.queryOptions(undefined, { retry: false }));
  const [draft, setDraft] = useState<{ language: string; autoTranslate: boolean } | null>(null);
  const [saved, setSaved] = useState(false);
  const save = useMutation(
    trpc.user.updatePreferences.mutationOptions({
      onSuccess: (preferences) => {
        queryClient.setQueryData(
          trpc.user.me.queryKey(),
          (old) => old && { ...old, ...preferences },
        );
        setSaved(true);
      },
    }),
  );

  if (!me.data) return <p className="text-sm text-zinc-500">Loading…</p>;
  const current = draft ?? {
    language: me.data.language ?? browserLanguage(),
    autoTranslate: me.data.autoTranslate,
  };
  // The provider's languages, and the current choice even when it offers no such one.
  const tags = offered.data?.languages.map((language) => language.tag) ?? [];
  const choices = tags.includes(current.language) ? tags : [current.language, ...tags];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    save.mutate(current);
  }
  const change = (next: Partial<typeof current>) => {
    setSaved(false);
    setDraft({ ...current, ...next });
  };

  return (
    <section aria-labelledby={headingId} className="flex max-w-md flex-col gap-4">
      <h2 id={headingId} className="text-base font-semibold">
        Translation
      </h2>
      {offered.data?.setup && (
        <p className="text-sm text-amber-800 dark:text-amber-300">{offered.data.setup}</p>
      )}
      <form onSubmit={submit} className="flex flex-col gap-4">
        <label className="flex flex-col gap-1 text-sm font-medium">
          My language
          <select
            value={current.language}
            onChange={(event) => change({ language: event.target.value })}
            className="rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900"
          >
            {choices.map((tag) => (
              <option key={tag} value={tag}>
                {languageName(tag)} ({tag})
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            role="switch"
            checked={current.autoTranslate}
            onChange={(event) => change({ autoTranslate: event.target.checked })}
            className="size-4 accent-indigo-600"
          />
          Translate messages automatically
        </label>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          Messages not in your language show translated as they arrive, with the original one click
          away. Each chat can turn it on or off for itself.
        </p>
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={save.isPending}>
            Save
          </Button>
          <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
            {save.isError ? describeApiError(save.error).message : saved ? "Saved" : ""}
          </p>
        </div>
      </form>
    </section>
  );
}
