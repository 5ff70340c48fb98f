"use client";

import { useState } from "react";
import { describeApiError } from "@/lib/api-error";
import { useTranslationSettings } from "./use-translation-settings";

/** This thread's "Translate messages automatically", over the reader's own setting. */
export function AutoTranslateSwitch({
  threadId,
  onFailure,
}: {
  threadId: string;
  onFailure: (message: string) => void;
}) {
  const settings = useTranslationSettings(threadId);
  const [saving, setSaving] = useState(false);
  if (!settings.ready || !settings.enabled) return null;
  return (
    <label className="inline-flex h-9 cursor-pointer items-center gap-1.5 rounded-md px-2 text-sm text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800">
      <input
        type="checkbox"
        role="switch"
        checked={settings.auto}
        disabled={saving}
        onChange={(event) => {
          setSaving(true);
          settings
            .setThreadAuto(event.target.checked)
            .catch((error: unknown) => onFailure(describeApiError(error).message))
            .finally(() => setSaving(false));
        }}
        className="size-4 accent-indigo-600"
      />
      <span className="max-sm:sr-only">Translate messages automatically</span>
    </label>
  );
}
