import { z } from "zod";
import type { AppState } from "./apps";
import { ChannelName } from "./channel-names";
import { channelAttributes, requestedInfo } from "./http-channels";
import { HttpError } from "./http-error";
import { fixedLimits } from "./limits";
import { encodeEvent } from "./protocol";

const SocketId = z.string().regex(/^\d+\.\d+$/, "socket_id must look like 123.456");
const EventName = z.string().min(1).max(fixedLimits.eventNameChars);

const BatchEvent = z.object({
  name: EventName,
  data: z.string({ error: "data must be a string (JSON-encode objects first)" }),
  channel: ChannelName,
  socket_id: SocketId.optional(),
  info: z.string().optional(),
});

export const TriggerBody = BatchEvent.extend({
  channel: ChannelName.optional(),
  channels: z.array(ChannelName).min(1).max(fixedLimits.channelsPerEvent).optional(),
}).refine((body) => (body.channel === undefined) !== (body.channels === undefined), {
  message: "give either channel or channels",
});

export const BatchBody = z.object({
  batch: z.array(BatchEvent).max(fixedLimits.eventsPerBatch),
});

/** `POST /apps/{id}/events` */
export function triggerEvent(app: AppState, body: z.infer<typeof TriggerBody>, maxBytes: number) {
  const named = body.channels ?? (body.channel === undefined ? [] : [body.channel]);
  // A channel named twice still gets the event once.
  const channels = [...new Set(named)];
  const wanted = requestedInfo(body.info);
  checkSize(body.data, maxBytes);
  for (const channel of channels) publish(app, channel, body);
  if (wanted.size === 0) return {};
  return {
    channels: Object.fromEntries(channels.map((c) => [c, channelAttributes(app, c, wanted)])),
  };
}

/** `POST /apps/{id}/batch_events`: all or nothing, so everything is checked before any is sent. */
export function triggerBatch(app: AppState, body: z.infer<typeof BatchBody>, maxBytes: number) {
  const batch = body.batch.map((event) => ({ event, wanted: requestedInfo(event.info) }));
  for (const { event } of batch) checkSize(event.data, maxBytes);
  for (const { event } of batch) publish(app, event.channel, event);
  if (batch.every(({ wanted }) => wanted.size === 0)) return {};
  return { batch: batch.map(({ event, wanted }) => channelAttributes(app, event.channel, wanted)) };
}

function checkSize(data: string, maxBytes: number): void {
  const bytes = Buffer.byteLength(data, "utf8");
  if (bytes > maxBytes) {
    throw new HttpError(413, `Event data is ${bytes} bytes; the limit is ${maxBytes} bytes`);
  }
}

function publish(
  app: AppState,
  channel: string,
  event: { name: string; data: string; socket_id?: string },
): void {
  if (!app.channels.isOccupied(channel)) return;
  // An unknown or closed socket id excludes nobody, as on Pusher.
  const except = event.socket_id === undefined ? undefined : app.sockets.get(event.socket_id);
  app.channels.publish(channel, encodeEvent(event.name, channel, event.data), except);
}
