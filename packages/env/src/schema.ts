import { z } from "zod";

const postgresUrl = z.url({
  protocol: /^postgres(ql)?$/,
  error: "must be a PostgreSQL URL such as postgresql://user:password@host:5432/spool",
});

const port = z.coerce
  .number({ error: "must be a port number from 1 to 65535" })
  .int()
  .min(1, "must be a port number from 1 to 65535")
  .max(65535, "must be a port number from 1 to 65535");

// A CSP source a frame-ancestors list may name: an origin (a subdomain wildcard allowed), or 'self'.
const frameAncestor = /^(?:'self'|https?:\/\/(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::\d{1,5})?)$/i;

const httpUrl = (example: string) =>
  z.url({ protocol: /^https?$/, error: `must be an http(s) URL such as ${example}` });

const charsPerHour = z.coerce
  .number({ error: "must be a whole number of characters from 0 to 1000000000" })
  .int("must be a whole number of characters from 0 to 1000000000")
  .min(0, "must be a whole number of characters from 0 to 1000000000")
  .max(1_000_000_000, "must be a whole number of characters from 0 to 1000000000");

/** Every variable Spool reads. `.env.example` lists them with their embedded defaults. */
export const serverSchema = {
  NODE_ENV: z
    .enum(["development", "test", "production"], {
      error: "must be development, test or production",
    })
    .default("development"),
  /** Unset: the embedded PGlite database under SPOOL_DATA_DIR. */
  DATABASE_URL: postgresUrl.optional(),
  DATABASE_POOL_SIZE: z.coerce
    .number({ error: "must be a whole number from 1 to 100" })
    .int("must be a whole number from 1 to 100")
    .min(1, "must be a whole number from 1 to 100")
    .max(100, "must be a whole number from 1 to 100")
    .default(10),
  /** Where the embedded database keeps its files. Default: `.data/` at the repository root. */
  SPOOL_DATA_DIR: z.string().min(1).optional(),
  /** Port of the embedded realtime server, used when no PUSHER_APP_ID is set. */
  SPOOL_REALTIME_PORT: port.default(6001),
  /** Address the embedded realtime server listens on; 0.0.0.0 to reach it from elsewhere. */
  SPOOL_REALTIME_HOST: z.string().min(1).default("127.0.0.1"),
  /** Open connections the embedded realtime server accepts before refusing more. */
  SPOOL_REALTIME_MAX_CONNECTIONS: z.coerce
    .number({ error: "must be a whole number from 1 to 1000000" })
    .int("must be a whole number from 1 to 1000000")
    .min(1, "must be a whole number from 1 to 1000000")
    .max(1_000_000, "must be a whole number from 1 to 1000000")
    .default(10_000),
  /** Largest event data the embedded realtime server accepts, in bytes (Pusher's: 10240). */
  SPOOL_REALTIME_MAX_PAYLOAD_BYTES: z.coerce
    .number({ error: "must be a whole number of bytes from 1024 to 1048576" })
    .int("must be a whole number of bytes from 1024 to 1048576")
    .min(1024, "must be a whole number of bytes from 1024 to 1048576")
    .max(1_048_576, "must be a whole number of bytes from 1024 to 1048576")
    .default(10_240),
  /** Hosted Pusher Channels or a Soketi app: all three, or none for the embedded server. */
  PUSHER_APP_ID: z.string().min(1).max(64).optional(),
  PUSHER_KEY: z.string().min(1).max(64).optional(),
  PUSHER_SECRET: z.string().min(1).max(128).optional(),
  /** A Soketi or other Pusher-compatible host; unset with PUSHER_CLUSTER set: hosted Pusher. */
  PUSHER_HOST: z.string().min(1).optional(),
  PUSHER_PORT: port.optional(),
  PUSHER_CLUSTER: z
    .string()
    .regex(/^[a-z0-9-]{1,32}$/, "must be a Pusher cluster name such as eu or mt1")
    .optional(),
  PUSHER_USE_TLS: z
    .enum(["true", "false"], { error: "must be true or false" })
    .transform((value) => value === "true")
    .optional(),
  /** Set by Vercel on its builds and functions, where nothing embedded can run. */
  VERCEL: z.string().optional(),
  /** Signs and encrypts session cookies. Unset in development: generated into `.env`. */
  NEXTAUTH_SECRET: z
    .string()
    .min(32, "must be at least 32 characters, e.g. from `openssl rand -base64 32`")
    .optional(),
  /** The app's public URL, for OAuth callbacks. Unset: taken from each request's host. */
  NEXTAUTH_URL: z
    .url({ error: "must be the app's public URL, such as https://chat.example.com" })
    .optional(),
  /** GitHub sign-in, enabled when both are set (a GitHub OAuth app). */
  GITHUB_ID: z.string().min(1).optional(),
  GITHUB_SECRET: z.string().min(1).optional(),
  /** Microsoft Entra ID sign-in, enabled when all three are set (an app registration). */
  AZURE_AD_CLIENT_ID: z.string().min(1).optional(),
  AZURE_AD_CLIENT_SECRET: z.string().min(1).optional(),
  AZURE_AD_TENANT_ID: z.string().min(1).optional(),
  /**
   * What other apps' backends send as `Authorization: AccessKey <key>` to manage their users
   * and tokens (`identity.*`). Unset in development: generated into `.env` on the first run.
   */
  SPOOL_ACCESS_KEY: z
    .string()
    .min(32, "must be at least 32 characters, e.g. from `openssl rand -base64 32`")
    .optional(),
  /** Rate limits counted in this Redis, shared by every instance. Unset: in process memory. */
  REDIS_URL: z
    .url({
      protocol: /^rediss?$/,
      error:
        "must be a Redis URL such as redis://127.0.0.1:6379 or rediss://user:password@host:6380",
    })
    .optional(),
  /**
   * `bench`: the per-user chat limits (sends, typing, new threads, member changes) are lifted
   * so that load benchmarks (`npm run bench`) need no tricks; sign-in limits stay. Never for a
   * deployment: refused on Vercel. Unset or `default`: the limits the README lists.
   */
  SPOOL_RATE_LIMITS: z
    .enum(["default", "bench"], { error: "must be default or bench" })
    .default("default"),
  /**
   * How many proxies in front of the app append the client's address to X-Forwarded-For; the
   * address that many entries from the right is the client's. 1: Vercel, or one reverse proxy.
   */
  SPOOL_TRUSTED_PROXIES: z.coerce
    .number({ error: "must be a whole number from 1 to 10" })
    .int("must be a whole number from 1 to 10")
    .min(1, "must be a whole number from 1 to 10")
    .max(10, "must be a whole number from 1 to 10")
    .default(1),
  /**
   * The machine translation service. Unset: the one whose key or URL is set below, else
   * Apertium's command when it is installed, else off. `off` turns translation off.
   */
  TRANSLATION_PROVIDER: z
    .enum(["azure", "deepl", "libretranslate", "apertium", "off"], {
      error: "must be azure, deepl, libretranslate, apertium or off",
    })
    .optional(),
  /** Azure AI Translator: the resource's key, its region (regional resources) and endpoint. */
  AZURE_TRANSLATOR_KEY: z.string().min(1).optional(),
  AZURE_TRANSLATOR_REGION: z
    .string()
    .regex(/^[a-z0-9]{1,40}$/, "must be an Azure region name such as westeurope")
    .optional(),
  AZURE_TRANSLATOR_ENDPOINT: httpUrl("https://api.cognitive.microsofttranslator.com").optional(),
  /** DeepL: the key; the API's URL is chosen by it (Free keys end in `:fx`) unless set. */
  DEEPL_AUTH_KEY: z.string().min(1).optional(),
  DEEPL_API_URL: httpUrl("https://api-free.deepl.com").optional(),
  /** A LibreTranslate server, and its key when it requires one. */
  LIBRETRANSLATE_URL: httpUrl("http://127.0.0.1:5000").optional(),
  LIBRETRANSLATE_API_KEY: z.string().min(1).optional(),
  /** An apertium-apy server; unset, Apertium runs through its command. */
  APERTIUM_URL: httpUrl("http://127.0.0.1:2737").optional(),
  /** Characters sent to the translation provider per hour, per user and for the deployment. */
  SPOOL_TRANSLATION_USER_CHARS_PER_HOUR: charsPerHour.default(20_000),
  SPOOL_TRANSLATION_CHARS_PER_HOUR: charsPerHour.default(1_000_000),
  /**
   * Sites allowed to show the web app in a frame, space-separated. Unset: none may
   * (frame-ancestors 'none' and X-Frame-Options DENY), so no site can overlay the chat.
   */
  SPOOL_FRAME_ANCESTORS: z
    .string()
    .transform((value) => value.split(/\s+/).filter(Boolean))
    .pipe(
      z
        .array(
          z.string().regex(frameAncestor, {
            error: (issue) =>
              `must be space-separated origins such as https://app.example.com or https://*.example.com (scheme and host, optional port, no path), or 'self'; ${JSON.stringify(issue.input)} is not one`,
          }),
        )
        .min(1, "must name at least one origin, such as https://app.example.com, or be unset"),
    )
    .optional(),
};

const pusherApp = ["PUSHER_APP_ID", "PUSHER_KEY", "PUSHER_SECRET"] as const;

/** What each paid or remote translation provider cannot work without. */
const translationKeys = {
  azure: "AZURE_TRANSLATOR_KEY",
  deepl: "DEEPL_AUTH_KEY",
  libretranslate: "LIBRETRANSLATE_URL",
} as const;

/** Rules across variables, checked after each one is valid on its own. */
export function crossChecks(
  env: Partial<
    Record<
      | (typeof pusherApp)[number]
      | "PUSHER_HOST"
      | "PUSHER_CLUSTER"
      | "VERCEL"
      | "DATABASE_URL"
      | "SPOOL_RATE_LIMITS"
      | (typeof translationKeys)[keyof typeof translationKeys]
      | "TRANSLATION_PROVIDER",
      unknown
    >
  >,
  context: z.RefinementCtx,
): void {
  if (env.VERCEL) {
    // Serverless functions keep no disk and no listening socket between requests.
    if (!env.DATABASE_URL) {
      context.addIssue({
        code: "custom",
        path: ["DATABASE_URL"],
        message: "must be set on Vercel: the embedded database needs a disk of its own",
      });
    }
    if (!env.PUSHER_APP_ID) {
      context.addIssue({
        code: "custom",
        path: ["PUSHER_APP_ID"],
        message:
          "must be set on Vercel (with PUSHER_KEY, PUSHER_SECRET, PUSHER_CLUSTER): the embedded realtime server needs a long-running process",
      });
    }
    if (env.SPOOL_RATE_LIMITS === "bench") {
      context.addIssue({
        code: "custom",
        path: ["SPOOL_RATE_LIMITS"],
        message: "must not be bench on Vercel: it lifts the limits that protect a deployment",
      });
    }
  }
  const provider = env.TRANSLATION_PROVIDER as string | undefined;
  if (provider && provider in translationKeys) {
    const needed = translationKeys[provider as keyof typeof translationKeys];
    if (!env[needed]) {
      context.addIssue({
        code: "custom",
        path: [needed],
        message: `must be set: TRANSLATION_PROVIDER is ${provider}`,
      });
    }
  }
  const set = pusherApp.filter((name) => env[name] !== undefined);
  if (set.length > 0 && set.length < pusherApp.length) {
    for (const name of pusherApp.filter((name) => env[name] === undefined)) {
      context.addIssue({
        code: "custom",
        path: [name],
        message: `must be set too: ${set.join(" and ")} ${set.length > 1 ? "are" : "is"} set, and a Pusher app needs all of PUSHER_APP_ID, PUSHER_KEY and PUSHER_SECRET`,
      });
    }
  }
  if (set.length === pusherApp.length && !env.PUSHER_HOST && !env.PUSHER_CLUSTER) {
    context.addIssue({
      code: "custom",
      path: ["PUSHER_CLUSTER"],
      message: "must be set for hosted Pusher (or PUSHER_HOST for Soketi) when PUSHER_APP_ID is",
    });
  }
}
