import { randomInt } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";
import { AppDirectory } from "./apps";
import { admit } from "./handshake";
import { startHeartbeat } from "./heartbeat";
import { createHttpApi } from "./http-api";
import { maxFrameBytes } from "./limits";
import { parseOptions, type RealtimeServerOptions } from "./options";
import { CloseCode } from "./protocol";
import { Connection } from "./socket-connection";

export interface RealtimeServer {
  /** The port actually bound (useful with port 0). */
  port: number;
  /** Base URL of the HTTP API; WebSockets connect to the same host and port. */
  url: string;
  stats(): { connections: number; channels: number };
  /** Stops accepting, tells every client to reconnect (4200), then stops listening. */
  close(): Promise<void>;
}

/** How long a closing client has to answer the close frame before its socket is cut. */
const CLOSE_GRACE_MS = 2000;

/**
 * Starts the embedded Pusher-compatible server: protocol 7 over WebSocket at `/app/{key}` and
 * the HTTP events API at `/apps/{id}/...`, on one port. Single process, state in memory.
 */
export async function startRealtimeServer(options: RealtimeServerOptions): Promise<RealtimeServer> {
  const settings = parseOptions(options);
  const apps = new AppDirectory(settings.apps);
  const connections = new Set<Connection>();
  let closing = false;
  let nextSocketNumber = 0;

  const handshakeMs = settings.handshakeTimeoutSeconds * 1000;
  const http = createServer(
    {
      // Headers trickled byte by byte, or a request that never ends, are cut after these;
      // Node checks them on this interval (30 s by default).
      headersTimeout: handshakeMs,
      requestTimeout: handshakeMs,
      connectionsCheckingInterval: Math.min(1000, handshakeMs / 4),
    },
    createHttpApi(apps, settings),
  );
  // A socket that sends nothing never starts a request: this idle timeout cuts it instead
  // (ws turns it off on the sockets it upgrades).
  http.timeout = handshakeMs;
  // perMessageDeflate stays off: compressing per subscriber would defeat encode-once broadcasts.
  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: maxFrameBytes(settings.maxPayloadBytes),
    perMessageDeflate: false,
    clientTracking: false,
  });

  const accept = (ws: WebSocket, request: IncomingMessage) => {
    const admission = closing
      ? { refused: { code: CloseCode.reconnectNow, reason: "Server is restarting" } }
      : admit(request.url, apps);
    if ("refused" in admission) return ws.close(admission.refused.code, admission.refused.reason);
    if (connections.size >= settings.maxConnections) {
      settings.log?.(`Refused a connection: over capacity (${settings.maxConnections})`);
      return ws.close(CloseCode.overCapacity, "Over capacity");
    }
    // Unique by the counter; the random part keeps ids from being guessed across restarts.
    const socketId = `${randomInt(1, 1_000_000_000)}.${++nextSocketNumber}`;
    const connection = new Connection(ws, socketId, admission.app, settings);
    connections.add(connection);
    ws.once("close", () => connections.delete(connection));
  };

  http.on("upgrade", (request, socket, head) => {
    // A client that vanishes mid-handshake must not take the process down with it.
    socket.on("error", () => socket.destroy());
    sockets.handleUpgrade(request, socket, head, (ws) => accept(ws, request));
  });

  const stopHeartbeat = startHeartbeat(connections, settings);
  try {
    await listen(http, settings.port, settings.host);
  } catch (error) {
    stopHeartbeat();
    throw error;
  }
  // Once listening, a failed accept (say, out of file descriptors) is reported, not fatal.
  http.on("error", (error) => settings.log?.(`Realtime server error: ${String(error)}`));
  const { port } = http.address() as AddressInfo;
  const host = settings.host.includes(":") ? `[${settings.host}]` : settings.host;

  let closed: Promise<void> | undefined;
  const close = () => {
    closing = true;
    closed ??= (async () => {
      stopHeartbeat();
      const stopped = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeIdleConnections();
      const goodbye = "Server is restarting; reconnect";
      await Promise.all(
        [...connections].map((c) => c.shutdown(CloseCode.reconnectNow, goodbye, CLOSE_GRACE_MS)),
      );
      http.closeAllConnections();
      await stopped;
    })();
    return closed;
  };

  return {
    port,
    url: `http://${host}:${port}`,
    stats: () => ({ connections: connections.size, channels: apps.channelCount() }),
    close,
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}
