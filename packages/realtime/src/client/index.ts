// @spool/realtime/client: keeping a thread complete and in order over Pusher's at-most-once
// delivery, and a connection that comes back promptly. Used by the web app and the SDK;
// browser and Node.
export {
  followThread,
  type ChannelRefusal,
  type FollowedThread,
  type PusherLike,
  type ThreadFollower,
} from "./follow-thread";
export { pusherOptions, type DiscoveredPusherOptions } from "./pusher-options";
export {
  reconnectPromptly,
  type ReconnectingPusher,
  type ReconnectOptions,
} from "./reconnect-promptly";
export { ThreadTimeline, type CatchUpPage, type TimelineOptions } from "./thread-timeline";
