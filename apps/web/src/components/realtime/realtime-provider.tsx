"use client";

import type { RealtimeClientConfig } from "@spool/api";
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

/**
 * One pusher-js connection per tab, to hosted Pusher, Soketi or the embedded server alike;
 * subscriptions are signed by /api/realtime/auth with the session cookie.
 */
export function RealtimeProvider({
  config,
  children,
}: {
  config: RealtimeClientConfig;
  children: ReactNode;
}) {
  const [realtime, setRealtime] = useState<Realtime>({ pusher: null, state: "initialized" });
  // Server components hand over a new object on every navigation; reconnect only on a change.
  const configKey = JSON.stringify(config);

  useEffect(() => {
    const config = JSON.parse(configKey) as RealtimeClientConfig;
    const pusher = new Pusher(config.key, {
      cluster: config.cluster,
      // The embedded server listens beside the app, on the host the page came from.
      wsHost: config.wsHost ?? (config.cluster === "local" ? window.location.hostname : undefined),
      wsPort: config.wsPort,
      wssPort: config.wsPort,
      forceTLS: config.forceTLS,
      enabledTransports: ["ws", "wss"],
      disableStats: true,
      channelAuthorization: { endpoint: "/api/realtime/auth", transport: "ajax" },
    });
    const onState = ({ current }: { current: ConnectionState }) => {
      setSocketId(current === "connected" ? pusher.connection.socket_id : undefined);
      setRealtime({ pusher, state: current });
    };
    pusher.connection.bind("state_change", onState);
    setRealtime({ pusher, state: pusher.connection.state as ConnectionState });
    return () => {
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
