import { z } from "zod/mini";

// What `GET /api/realtime/config` answers: everything a client needs to reach the realtime
// server, whichever it is (hosted Pusher, Soketi or the embedded one), so that no client
// hard-codes a key, a host or a port.

export const realtimeDiscoverySchema = z.object({
  /** The Pusher app key. */
  key: z.string().check(z.minLength(1)),
  /** pusher-js requires one; `local` for the embedded server, `custom` for Soketi. */
  cluster: z.string().check(z.minLength(1)),
  /** null: the host the API itself was reached at (the embedded server beside the app). */
  host: z.nullable(z.string().check(z.minLength(1))),
  port: z.int().check(z.minimum(1), z.maximum(65535)),
  tls: z.boolean(),
  /** Where pusher-js asks for channel signatures, relative to the API's origin. */
  authEndpoint: z.string().check(z.minLength(1)),
});

export type RealtimeDiscovery = z.output<typeof realtimeDiscoverySchema>;

/** The path of the discovery endpoint on a Spool server. */
export const realtimeConfigPath = "/api/realtime/config";
