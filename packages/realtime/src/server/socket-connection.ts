import { type RawData, WebSocket } from "ws";
import type { AppState } from "./apps";
import { channelKind } from "./channel-names";
import type { Subscriber } from "./channels";
import { relayClientEvent } from "./client-events";
import type { Heartbeat } from "./heartbeat";
import { maxBufferedBytes } from "./limits";
import type { ServerSettings } from "./options";
import {
  type ClientFrame,
  decodeFrame,
  encodeError,
  encodeWithData,
  ErrorCode,
  parseData,
  PING,
  PONG,
  SigninData,
  SubscribeData,
  UnsubscribeData,
} from "./protocol";
import { authenticateUser, authorizeSubscription } from "./subscription-auth";
import { TokenBucket } from "./token-bucket";

// One options object for every send: ws would otherwise treat a Buffer as a binary frame.
const TEXT_FRAME = { binary: false } as const;

/** One client's WebSocket: its frames in, its subscriptions, its share of the broadcasts. */
export class Connection implements Subscriber, Heartbeat {
  lastHeardAt = performance.now();
  pingedAt: number | undefined;
  readonly subscriptions = new Set<string>();
  private signedInUser: string | undefined;
  // Made on the first client event: most connections never send one.
  private clientEventBudget: TokenBucket | undefined;

  constructor(
    private readonly ws: WebSocket,
    readonly socketId: string,
    readonly app: AppState,
    readonly settings: ServerSettings,
  ) {
    app.sockets.set(socketId, this);
    ws.on("message", (data, isBinary) => this.receive(data, isBinary));
    ws.on("ping", () => this.heard());
    ws.on("pong", () => this.heard());
    // ws closes the socket itself after a protocol error; the close handler cleans up.
    ws.on("error", () => {});
    ws.once("close", () => this.forget());
    const established = { socket_id: socketId, activity_timeout: settings.activityTimeoutSeconds };
    this.send(encodeWithData("pusher:connection_established", established));
  }

  send(frame: string | Buffer): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    if (this.ws.bufferedAmount > maxBufferedBytes(this.settings.maxPayloadBytes)) {
      this.settings.log?.(`Dropped socket ${this.socketId}: it stopped reading its frames`);
      this.ws.terminate();
      return;
    }
    this.ws.send(frame, TEXT_FRAME);
  }

  refuse(message: string, channel?: string): void {
    this.send(encodeError(ErrorCode.refused, message, channel));
  }

  ping(now: number): void {
    this.pingedAt = now;
    this.send(PING);
  }

  close(code: number, reason: string): void {
    this.ws.close(code, reason);
  }

  /** Closes with `code` and resolves once the socket is gone, cutting it after `graceMs`. */
  shutdown(code: number, reason: string, graceMs: number): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      const cut = setTimeout(() => this.ws.terminate(), graceMs);
      this.ws.once("close", () => {
        clearTimeout(cut);
        resolve();
      });
      this.ws.close(code, reason);
    });
  }

  /** The budget for client events, spent one per relayed event. */
  takeClientEventToken(): boolean {
    this.clientEventBudget ??= new TokenBucket(this.settings.clientEventsPerSecond);
    return this.clientEventBudget.take();
  }

  private heard(): void {
    this.lastHeardAt = performance.now();
    this.pingedAt = undefined;
  }

  private receive(data: RawData, isBinary: boolean): void {
    this.heard();
    if (isBinary) return this.refuse("Only text frames are accepted");
    // The server keeps ws's default binaryType, so a message is always one Buffer.
    const frame = decodeFrame((data as Buffer).toString("utf8"));
    if (typeof frame === "string") return this.refuse(frame);
    try {
      this.handle(frame);
    } catch (error) {
      this.settings.log?.(`Error handling ${frame.event} from ${this.socketId}: ${String(error)}`);
      this.refuse(`Could not handle ${frame.event}`);
    }
  }

  private handle(frame: ClientFrame): void {
    switch (frame.event) {
      case "pusher:ping":
        return this.send(PONG);
      case "pusher:pong":
        return;
      case "pusher:subscribe":
        return this.subscribe(frame.data);
      case "pusher:unsubscribe":
        return this.unsubscribe(frame.data);
      case "pusher:signin":
        return this.signin(frame.data);
    }
    if (frame.event.startsWith("client-")) return relayClientEvent(this, frame);
    this.refuse(`Clients may only send client- events, not ${frame.event.slice(0, 200)}`);
  }

  private subscribe(data: unknown): void {
    const request = parseData(SubscribeData, data);
    if (!request) return this.refuse("pusher:subscribe needs {channel, auth?, channel_data?}");
    const { channel } = request;
    if (!this.subscriptions.has(channel)) {
      const limit = this.settings.maxSubscriptionsPerConnection;
      if (this.subscriptions.size >= limit) {
        const error = `A connection may subscribe to at most ${limit} channels: unsubscribe first`;
        const refused = { type: "LimitReached", error, status: 400 };
        return this.send(encodeWithData("pusher:subscription_error", refused, channel));
      }
      const { credentials } = this.app;
      const verdict = authorizeSubscription(credentials, this.socketId, this.signedInUser, request);
      if ("refused" in verdict) {
        return this.send(encodeWithData("pusher:subscription_error", verdict.refused, channel));
      }
      this.subscriptions.add(channel);
      this.app.channels.join(channel, this, verdict.member);
    }
    const succeeded =
      channelKind(channel) === "presence" ? { presence: this.app.channels.roster(channel) } : {};
    this.send(encodeWithData("pusher_internal:subscription_succeeded", succeeded, channel));
  }

  private unsubscribe(data: unknown): void {
    const request = parseData(UnsubscribeData, data);
    if (!request) return this.refuse("pusher:unsubscribe needs {channel}");
    if (this.subscriptions.delete(request.channel)) {
      this.app.channels.leave(request.channel, this);
    }
  }

  private signin(data: unknown): void {
    const request = parseData(SigninData, data);
    const userId = request && authenticateUser(this.app.credentials, this.socketId, request);
    if (!request || !userId) {
      const message = "Sign-in refused: the signature or user_data {id} is invalid";
      return this.send(encodeError(ErrorCode.unauthorized, message));
    }
    this.signedInUser = userId;
    this.send(encodeWithData("pusher:signin_success", { user_data: request.user_data }));
  }

  /** On close, however it came: leave every channel (presence members included). */
  private forget(): void {
    for (const channel of this.subscriptions) this.app.channels.leave(channel, this);
    this.subscriptions.clear();
    this.app.sockets.delete(this.socketId);
  }
}
