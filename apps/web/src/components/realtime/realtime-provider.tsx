"use client";

import type { RealtimeDiscovery } from "@spool/realtime/contract";
import { pusherOptions, reconnectPromptly } from "@spool/realtime/client";
import Pusher from "pusher-js";
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { setSocketId } from "@/lib/socket-id";

/** What the connection banner shows; pusher-js's own state names. */
export type ConnectionState =
  "initialized" | "connecting" | "connected" | "unavailable" | "failed" | "disconnected";

interface Realtime {
  pusher: Pusher | null;
  state: ConnectionState;
}

const RealtimeContext = createContext<Realtime>({ pusher: null, state: "initialized" });

// pusher-js pings after this much silence (or the server's activity_timeout, if shorter) and
// gives up on a connection whose pong is this late: a connection that died without a close
// (a sleeping laptop, a dropped network) is noticed within 40 s instead of 150 s.
const ACTIVITY_TIMEOUT_MS = 30_000;
const PONG_TIMEOUT_MS = 10_000;

/**
 * One pusher-js connection per tab, to hosted Pusher, Soketi or the embedded server alike;
 * subscriptions are signed by /api/realtime/auth with the session cookie.
 */
export function RealtimeProvider({
  config,
  children,
}: {
  config: RealtimeDiscovery;
  children: ReactNode;
}) {
  const [realtime, setRealtime] = useState<Realtime>({ pusher: null, state: "initialized" });
  // Server components hand over a new object on every navigation; reconnect only on a change.
  const configKey = JSON.stringify(config);

  useEffect(() => {
    const config = JSON.parse(configKey) as RealtimeDiscovery;
    // The embedded server listens beside the app, on the host the page came from.
    const { authEndpoint, ...options } = pusherOptions(config, window.location.href);
    const pusher = new Pusher(config.key, {
      ...options,
      activityTimeout: ACTIVITY_TIMEOUT_MS,
      pongTimeout: PONG_TIMEOUT_MS,
      channelAuthorization: { endpoint: authEndpoint, transport: "ajax" },
    });
    const onState = ({ current }: { current: ConnectionState }) => {
      setSocketId(current === "connected" ? pusher.connection.socket_id : undefined);
      setRealtime({ pusher, state: current });
    };
    pusher.connection.bind("state_change", onState);
    setRealtime({ pusher, state: pusher.connection.state as ConnectionState });
    const stopReconnecting = reconnectPromptly(pusher);
    return () => {
      stopReconnecting();
      pusher.connection.unbind("state_change", onState);
      setSocketId(undefined);
      pusher.disconnect();
    };
  }, [configKey]);

  return <RealtimeContext.Provider value={realtime}>{children}</RealtimeContext.Provider>;
}

export function useRealtime(): Realtime {
  return useContext(RealtimeContext);
}
