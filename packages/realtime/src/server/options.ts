import { z } from "zod";
import { defaults } from "./limits";

// The app id appears in HTTP paths and the key in WebSocket paths, so both stay URL-safe.
const urlSafe = /^[A-Za-z0-9_-]{1,100}$/;

export const AppCredentials = z.object({
  id: z.string().regex(urlSafe, "must be 1-100 of A-Z a-z 0-9 _ -"),
  key: z.string().regex(urlSafe, "must be 1-100 of A-Z a-z 0-9 _ -"),
  secret: z.string().min(1),
});
export type AppCredentials = z.infer<typeof AppCredentials>;

const positiveInt = z.number().int().positive();

export const RealtimeServerOptions = z.object({
  host: z.string().min(1).default("127.0.0.1"),
  /** 0 picks a free port; read it back from the handle. */
  port: z.number().int().min(0).max(65_535),
  apps: z
    .array(AppCredentials)
    .min(1)
    .refine((apps) => new Set(apps.map((app) => app.id)).size === apps.length, "duplicate app id")
    .refine((apps) => new Set(apps.map((app) => app.key)).size === apps.length, "duplicate key"),
  maxConnections: positiveInt.default(defaults.maxConnections),
  maxPayloadBytes: positiveInt.default(defaults.maxPayloadBytes),
  activityTimeoutSeconds: positiveInt.default(defaults.activityTimeoutSeconds),
  pongTimeoutSeconds: positiveInt.default(defaults.pongTimeoutSeconds),
  clientEventsPerSecond: positiveInt.default(defaults.clientEventsPerSecond),
  maxSubscriptionsPerConnection: positiveInt.default(defaults.maxSubscriptionsPerConnection),
  handshakeTimeoutSeconds: positiveInt.default(defaults.handshakeTimeoutSeconds),
  /** Where refusals and unexpected errors are reported; silent when left out. */
  log: z.custom<(message: string) => void>((value) => typeof value === "function").optional(),
});

export type RealtimeServerOptions = z.input<typeof RealtimeServerOptions>;
export type ServerSettings = z.output<typeof RealtimeServerOptions>;

export class RealtimeServerOptionsError extends Error {
  override name = "RealtimeServerOptionsError";
}

export function parseOptions(options: RealtimeServerOptions): ServerSettings {
  const parsed = RealtimeServerOptions.safeParse(options);
  if (!parsed.success) {
    throw new RealtimeServerOptionsError(
      `Invalid realtime server options:\n${z.prettifyError(parsed.error)}`,
    );
  }
  return parsed.data;
}
