import { accessSync, constants } from "node:fs";
import { join } from "node:path";
import type { TranslationProvider, ProviderName } from "./provider";
import { apertiumApy } from "./providers/apertium-apy";
import { apertiumCommand, apertiumInstall } from "./providers/apertium-command";
import { azureTranslator } from "./providers/azure";
import { deepL } from "./providers/deepl";
import { libreTranslate } from "./providers/libretranslate";

/** The translation variables of the validated env (`@spool/env`). */
export interface TranslationSettings {
  TRANSLATION_PROVIDER?: ProviderName | "off";
  AZURE_TRANSLATOR_KEY?: string;
  AZURE_TRANSLATOR_REGION?: string;
  AZURE_TRANSLATOR_ENDPOINT?: string;
  DEEPL_AUTH_KEY?: string;
  DEEPL_API_URL?: string;
  LIBRETRANSLATE_URL?: string;
  LIBRETRANSLATE_API_KEY?: string;
  APERTIUM_URL?: string;
}

/** What the UI says, in one line, when translation is off. */
export const translationSetupHint =
  `Translation is off. To turn it on, install Apertium (${apertiumInstall}) or set ` +
  "TRANSLATION_PROVIDER with its key (see .env.example), then restart Spool.";

// Where Debian's package and a local build put the command.
const commandFolders = ["/usr/bin", "/usr/local/bin"];

function installed(command: string): boolean {
  return commandFolders.some((folder) => {
    try {
      accessSync(join(folder, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * The provider the settings choose: the one TRANSLATION_PROVIDER names, else the one whose
 * key or URL is set, else Apertium's command when it is installed, else none (off). The env
 * package has already refused a provider named without its key.
 */
export function providerFromSettings(settings: TranslationSettings): TranslationProvider | null {
  const chosen =
    settings.TRANSLATION_PROVIDER ??
    (settings.AZURE_TRANSLATOR_KEY
      ? "azure"
      : settings.DEEPL_AUTH_KEY
        ? "deepl"
        : settings.LIBRETRANSLATE_URL
          ? "libretranslate"
          : settings.APERTIUM_URL || installed("apertium")
            ? "apertium"
            : "off");
  switch (chosen) {
    case "azure":
      return azureTranslator({
        key: settings.AZURE_TRANSLATOR_KEY!,
        region: settings.AZURE_TRANSLATOR_REGION,
        endpoint: settings.AZURE_TRANSLATOR_ENDPOINT,
      });
    case "deepl":
      return deepL({ authKey: settings.DEEPL_AUTH_KEY!, url: settings.DEEPL_API_URL });
    case "libretranslate":
      return libreTranslate({
        url: settings.LIBRETRANSLATE_URL!,
        apiKey: settings.LIBRETRANSLATE_API_KEY,
      });
    case "apertium":
      return settings.APERTIUM_URL
        ? apertiumApy({ url: settings.APERTIUM_URL })
        : apertiumCommand();
    case "off":
      return null;
  }
}
