import { z } from "zod";

/** Close codes as pusher-js acts on them: 40xx give up, 41xx back off, 42xx reconnect now. */
export const CloseCode = {
  unknownAppKey: 4001,
  badPath: 4005,
  badProtocol: 4006,
  unsupportedProtocol: 4007,
  missingProtocol: 4008,
  overCapacity: 4100,
  reconnectNow: 4200,
  pongTimeout: 4201,
} as const;

/** Codes of `pusher:error` events; they never close the socket. */
export const ErrorCode = {
  /** Pusher's 43xx range is "any other error": a frame that was refused. */
  refused: 4300,
  clientEventRateLimit: 4301,
  /** As Pusher names it: "connection is unauthorized", here for a failed sign-in. */
  unauthorized: 4009,
} as const;

export const PROTOCOL_VERSION = 7;

// Server -> client `data` is a JSON string (double-encoded), except in error, ping and pong.
// JSON.stringify leaves out fields that are undefined, so optional ones cost nothing.

export function encodeEvent(event: string, channel: string, data: string, userId?: string) {
  return JSON.stringify({ event, channel, data, user_id: userId });
}

export function encodeWithData(event: string, data: object, channel?: string): string {
  return JSON.stringify({ event, channel, data: JSON.stringify(data) });
}

export function encodeError(code: number, message: string, channel?: string): string {
  return JSON.stringify({ event: "pusher:error", channel, data: { code, message } });
}

export const PING = JSON.stringify({ event: "pusher:ping", data: {} });
export const PONG = JSON.stringify({ event: "pusher:pong", data: {} });

const Frame = z.object({
  event: z.string().min(1),
  channel: z.string().optional(),
  data: z.unknown().optional(),
});
export type ClientFrame = z.infer<typeof Frame>;

/** A client frame, or why it is not one. */
export function decodeFrame(text: string): ClientFrame | string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return "Frames must be JSON";
  }
  const frame = Frame.safeParse(json);
  return frame.success ? frame.data : "Frames must be {event, channel?, data?}";
}

export const SubscribeData = z.object({
  channel: z.string(),
  auth: z.string().optional(),
  channel_data: z.string().optional(),
});

export const UnsubscribeData = z.object({ channel: z.string() });

export const SigninData = z.object({ auth: z.string(), user_data: z.string() });

/** pusher-js sends `data` as an object; other clients send it as a JSON string. Accept both. */
export function parseData<T>(schema: z.ZodType<T>, data: unknown): T | undefined {
  let value = data;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
