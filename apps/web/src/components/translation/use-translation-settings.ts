"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { browserLanguage } from "@/lib/language";
import { useTRPC } from "@/lib/trpc";

/**
 * What translation is set to for the signed-in reader: the provider (null: off, with the line
 * that says how to turn it on), the reader's language (the browser's until they choose one)
 * and, in a thread, whether it translates automatically (the thread's own switch, else theirs).
 */
export function useTranslationSettings(threadId?: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.user.me.queryOptions());
  const offered = useQuery(
    trpc.translation.languages.queryOptions(undefined, { staleTime: 300_000, retry: false }),
  );
  const member = useQuery({
    ...trpc.member.preferences.queryOptions({ threadId: threadId ?? "" }),
    enabled: threadId !== undefined,
  });

  const language = me.data?.language ?? browserLanguage();
  // A provider that fails to list its languages may still translate: try, and say if not.
  const enabled = offered.isError || Boolean(offered.data?.provider);
  const auto = member.data?.autoTranslate ?? me.data?.autoTranslate ?? false;

  const updateMember = useMutation(trpc.member.updatePreferences.mutationOptions());
  const updateMe = useMutation(trpc.user.updatePreferences.mutationOptions());
  /** This thread's switch. Turning it on also keeps the reader's language, if not yet kept. */
  const setThreadAuto = useCallback(
    async (on: boolean) => {
      if (!threadId) return;
      if (on && !me.data?.language) await updateMe.mutateAsync({ language });
      const saved = await updateMember.mutateAsync({ threadId, autoTranslate: on });
      queryClient.setQueryData(trpc.member.preferences.queryKey({ threadId }), saved);
      await queryClient.invalidateQueries({ queryKey: trpc.user.me.queryKey() });
    },
    [threadId, me.data?.language, language, updateMe, updateMember, queryClient, trpc],
  );

  return {
    ready: me.isSuccess && offered.isFetched,
    enabled,
    language,
    auto: enabled && auto,
    setup: offered.data?.setup ?? null,
    setThreadAuto,
  };
}
