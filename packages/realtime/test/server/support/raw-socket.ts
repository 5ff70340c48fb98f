import { WebSocket } from "ws";
import { APP, onCleanup } from "./harness";

export interface Frame {
  event: string;
  channel?: string;
  data?: unknown;
}

/**
 * A bare WebSocket, for what pusher-js never sends: other paths and protocol versions,
 * garbage, and silence when pinged.
 */
export class RawSocket {
  readonly frames: Frame[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private waiters: Array<() => void> = [];

  constructor(readonly ws: WebSocket) {
    ws.on("message", (data) => {
      this.frames.push(JSON.parse(String(data)) as Frame);
      for (const wake of this.waiters) wake();
    });
    this.closed = new Promise((resolve) => {
      ws.on("close", (code, reason) => resolve({ code, reason: String(reason) }));
    });
    // A refused or cut socket is what some tests are after; its error is not theirs to report.
    ws.on("error", () => {});
    onCleanup(() => ws.terminate());
  }

  static open(port: number, path = `/app/${APP.key}?protocol=7&client=js&version=8.6.0`) {
    return new RawSocket(new WebSocket(`ws://127.0.0.1:${port}${path}`));
  }

  /** Opens a socket and waits for pusher:connection_established. */
  static async connect(port: number): Promise<RawSocket> {
    const socket = RawSocket.open(port);
    await socket.next((frame) => frame.event === "pusher:connection_established");
    return socket;
  }

  send(frame: unknown): void {
    this.ws.send(typeof frame === "string" ? frame : JSON.stringify(frame));
  }

  /** Resolves once `condition` holds, checked as each frame arrives. */
  until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!condition()) return;
        clearTimeout(timer);
        this.waiters = this.waiters.filter((waiter) => waiter !== check);
        resolve();
      };
      const timer = setTimeout(() => reject(new Error("Timed out waiting for a frame")), timeoutMs);
      this.waiters.push(check);
      check();
    });
  }

  /** The first frame, already received or still to come, that matches. */
  async next(accept: (frame: Frame) => boolean): Promise<Frame> {
    await this.until(() => this.frames.some(accept));
    return this.frames.find(accept) as Frame;
  }

  /** Answers a ping, so every frame sent before it has been handled. */
  async roundTrip(): Promise<void> {
    const pongs = () => this.frames.filter((frame) => frame.event === "pusher:pong").length;
    const before = pongs();
    this.send({ event: "pusher:ping", data: {} });
    await this.until(() => pongs() > before);
  }

  errors(): Array<{ code: number; message: string }> {
    return this.frames
      .filter((frame) => frame.event === "pusher:error")
      .map((frame) => frame.data as { code: number; message: string });
  }
}
