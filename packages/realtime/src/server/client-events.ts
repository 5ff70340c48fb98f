import { channelKind } from "./channel-names";
import { fixedLimits } from "./limits";
import { type ClientFrame, encodeError, encodeEvent, ErrorCode } from "./protocol";
import type { Connection } from "./socket-connection";

/**
 * Relays a `client-*` event from one browser to the others on the channel. Only on presence
 * channels the sender has joined (so only authorised users can talk), never back to the
 * sender, and always with the sender's user id as the server knows it. Private channels carry
 * no sender, so anyone on one could pose as another member ("Alice is typing"): refused there.
 */
export function relayClientEvent(sender: Connection, frame: ClientFrame): void {
  const { event, channel } = frame;
  if (channel === undefined || !sender.subscriptions.has(channel)) {
    return sender.refuse(`Subscribe to the channel before sending ${event} on it`, channel);
  }
  const kind = channelKind(channel);
  if (kind !== "presence") {
    return sender.refuse(
      "Client events are only allowed on presence channels, where they carry the sender's user id",
      channel,
    );
  }
  if (event.length > fixedLimits.eventNameChars) {
    return sender.refuse(
      `Event names are at most ${fixedLimits.eventNameChars} characters`,
      channel,
    );
  }
  // pusher-js sends an object; other clients may send the JSON string itself.
  const data = typeof frame.data === "string" ? frame.data : JSON.stringify(frame.data ?? null);
  const bytes = Buffer.byteLength(data, "utf8");
  const limit = sender.settings.maxPayloadBytes;
  if (bytes > limit) {
    return sender.refuse(`Event data is ${bytes} bytes; the limit is ${limit} bytes`, channel);
  }
  if (!sender.takeClientEventToken()) {
    const perSecond = sender.settings.clientEventsPerSecond;
    const message = `Client event rejected: at most ${perSecond} per second per connection`;
    return sender.send(encodeError(ErrorCode.clientEventRateLimit, message, channel));
  }
  const channels = sender.app.channels;
  const userId = channels.memberId(channel, sender);
  channels.publish(channel, encodeEvent(event, channel, data, userId), sender);
}
