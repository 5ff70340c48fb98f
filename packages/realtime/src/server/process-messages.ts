import type { ServerSettings } from "./options";

/** The options a server process is started with: everything but the log callback. */
export type ProcessOptions = Omit<ServerSettings, "log">;

/** Parent -> server process, over the IPC channel. */
export type ToServerProcess = { type: "start"; options: ProcessOptions } | { type: "close" };

/** Server process -> parent. */
export type FromServerProcess =
  | { type: "listening"; port: number; url: string }
  | { type: "failed"; name: string; message: string; code?: string }
  | { type: "log"; message: string };
