/**
 * Pusher Channels' own limits, so that code which works against the embedded server also works
 * against Pusher and Soketi. The configurable ones are defaults for `startRealtimeServer`.
 */
export const defaults = {
  maxConnections: 10_000,
  /** Size of one event's data, in UTF-8 bytes. */
  maxPayloadBytes: 10 * 1024,
  /** Sent to clients in connection_established; pusher-js pings after this much silence. */
  activityTimeoutSeconds: 120,
  /** How long a pinged socket has to answer before it is closed (pusher-js also waits 30 s). */
  pongTimeoutSeconds: 30,
  clientEventsPerSecond: 10,
  /**
   * Channels one connection may be subscribed to at once. Pusher sets no such limit; the
   * embedded server does, so that one socket cannot hold unbounded memory. Spool's own pages
   * use two or three (the user's feed and the open thread).
   */
  maxSubscriptionsPerConnection: 100,
  /**
   * Time from a TCP connection to its complete HTTP request headers (the WebSocket upgrade
   * included), and for a whole HTTP request: a socket that trickles its headers byte by byte
   * or sends nothing is cut after it.
   */
  handshakeTimeoutSeconds: 10,
} as const;

export const fixedLimits = {
  channelNameChars: 200,
  eventNameChars: 200,
  channelsPerEvent: 100,
  eventsPerBatch: 10,
} as const;

/**
 * A socket whose reader has fallen this far behind is dropped: holding its backlog would let
 * one stalled browser tab grow the server's memory without bound. A burst of full-size events
 * to a busy but healthy tab stays well below it.
 */
export function maxBufferedBytes(maxPayloadBytes: number): number {
  return Math.max(4 * 1024 * 1024, 64 * maxPayloadBytes);
}

/**
 * WebSocket frames beyond this are refused by `ws` itself (close 1009). It is far above the
 * payload limit on purpose: an oversized client event should get a `pusher:error`, not a
 * disconnection; only absurd frames are cut off before they are buffered.
 */
export function maxFrameBytes(maxPayloadBytes: number): number {
  return Math.max(64 * 1024, 4 * maxPayloadBytes);
}

/**
 * Request bodies beyond this are refused with 413 before they are buffered: a full batch of
 * maximum-size events, with room for JSON escaping of the data strings.
 */
export function maxBodyBytes(maxPayloadBytes: number): number {
  return fixedLimits.eventsPerBatch * maxPayloadBytes * 2 + 64 * 1024;
}
