// The embedded Pusher-compatible server (Node only); see the package README for what it does.
export { startRealtimeServer, type RealtimeServer } from "./start";
export {
  startRealtimeServerProcess,
  type RealtimeServerProcess,
  RealtimeServerProcessError,
} from "./process";
export {
  type AppCredentials,
  type RealtimeServerOptions,
  RealtimeServerOptionsError,
} from "./options";
