import type { realtimeSettings } from "@spool/api";

export type RealtimeEnv = Parameters<typeof realtimeSettings>[0];

/** The realtime variables with none set: the embedded server on its default port. */
export const nothingSet: RealtimeEnv = {
  PUSHER_APP_ID: undefined,
  PUSHER_KEY: undefined,
  PUSHER_SECRET: undefined,
  PUSHER_HOST: undefined,
  PUSHER_PORT: undefined,
  PUSHER_USE_TLS: undefined,
  PUSHER_CLUSTER: undefined,
  SPOOL_REALTIME_PORT: 6001,
};

/** A Pusher app's credentials, for the hosted and Soketi columns. */
export const pusherApp = { PUSHER_APP_ID: "42", PUSHER_KEY: "key", PUSHER_SECRET: "secret" };
