// @spool/sdk: one typed client for apps that embed Spool, in browsers and Node. See README.md.
export { SpoolAdmin, type SpoolAdminOptions } from "./admin";
export { SpoolClient, type SpoolClientOptions, type ThreadsOptions } from "./client";
export type { Clock } from "./clock";
export { SpoolError, type SpoolIssue } from "./errors";
export type {
  ClientEvents,
  ConnectionEvents,
  Handler,
  ThreadEventName,
  ThreadEvents,
} from "./events";
export type { Paged } from "./paged";
export type { ThreadList, ThreadListSnapshot } from "./state/thread-list";
export type { PendingSend, ThreadSnapshot, ThreadState } from "./state/thread-state";
export { ThreadHandle, TYPING_INTERVAL_MS, type MessagesOptions } from "./thread-handle";
export type { AccessToken, TokenProvider } from "./token-source";
export type { RetryOptions } from "./retry-options";
export type * from "./api-types";
