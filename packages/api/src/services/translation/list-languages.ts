import type { ServiceDeps } from "../../deps";
import { translationSetupHint } from "../../translation/provider-from-settings";
import type { ProviderName } from "../../translation/provider";

export interface TranslationLanguages {
  /** The provider in use; null when translation is off. */
  provider: ProviderName | null;
  /** What it translates into: BCP 47 tags with English names. */
  languages: { tag: string; name: string }[];
  /** When off: one line saying how to turn it on. */
  setup: string | null;
}

export async function listLanguages(deps: ServiceDeps): Promise<TranslationLanguages> {
  const provider = deps.translator.provider;
  if (!provider) return { provider, languages: [], setup: translationSetupHint };
  const offered = await deps.translator.languages();
  const languages = offered
    .map(({ tag, name }) => ({ tag, name }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { provider, languages, setup: null };
}
