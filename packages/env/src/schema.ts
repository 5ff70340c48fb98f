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
  /** Port of the embedded realtime server, used when no PUSHER_HOST is set. */
  SPOOL_REALTIME_PORT: port.default(6001),
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
  /**
   * What other apps' backends send as `Authorization: AccessKey <key>` to manage their users
   * and tokens (`identity.*`). Unset in development: generated into `.env` on the first run.
   */
  SPOOL_ACCESS_KEY: z
    .string()
    .min(32, "must be at least 32 characters, e.g. from `openssl rand -base64 32`")
    .optional(),
};
