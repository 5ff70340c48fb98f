import { type ChildProcess, fork } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseOptions, type RealtimeServerOptions } from "./options";
import type { FromServerProcess, ToServerProcess } from "./process-messages";

export interface RealtimeServerProcess {
  port: number;
  url: string;
  /** The server's own process: not this one, whose event loop it never touches. */
  pid: number;
  /** Settles if the process ends without close() having been called (a crash, a kill). */
  crashed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Tells every client to reconnect (4200), then waits for the process to end. */
  close(): Promise<void>;
}

/** The error a server process failed to start with, as it was raised there. */
export class RealtimeServerProcessError extends Error {
  constructor(
    override readonly name: string,
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/**
 * Starts the embedded server (the same `startRealtimeServer`, same options) in a child process,
 * so that the frames, handshakes and broadcasts of its clients run on another event loop than
 * the caller's. The caller publishes to it over HTTP with the `pusher` SDK, exactly as it would
 * to Pusher; `log` is called here for what the process reports. `builtEntry` is
 * `process-entry.ts` bundled into JavaScript (`npm start`'s server ships one); without it the
 * process runs the package's TypeScript source through tsx.
 */
export async function startRealtimeServerProcess(
  options: RealtimeServerOptions,
  builtEntry?: string,
): Promise<RealtimeServerProcess> {
  const { log, ...settings } = parseOptions(options);
  const child = builtEntry ? fork(builtEntry, [], { stdio: [...stdio] }) : forkServerSource();
  let closing = false;

  const crashed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once("exit", (code, signal) => {
      if (!closing) resolve({ code, signal });
    });
  });
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });

  const listening = new Promise<{ port: number; url: string }>((resolve, reject) => {
    child.on("message", (message: FromServerProcess) => {
      if (message.type === "log") log?.(message.message);
      else if (message.type === "listening") resolve(message);
      else reject(new RealtimeServerProcessError(message.name, message.message, message.code));
    });
    child.once("error", reject);
    void crashed.then(({ code, signal }) =>
      reject(new Error(`The realtime server process ended before it listened (${signal ?? code})`)),
    );
  });
  send(child, { type: "start", options: settings });
  const { port, url } = await listening;

  return {
    port,
    url,
    pid: child.pid!,
    crashed,
    close: async () => {
      closing = true;
      if (child.connected) send(child, { type: "close" });
      await exited;
    },
  };
}

function send(child: ChildProcess, message: ToServerProcess): void {
  child.send(message);
}

const stdio = ["ignore", "inherit", "inherit", "ipc"] as const;

/**
 * The entry as TypeScript source, as the whole package is: tsx's loader runs it. Both are found
 * through Node's own resolution from the working directory rather than from this module's
 * location, because this module may be running from a bundle (Next.js compiles the package
 * into its server chunks), where import.meta.url points into the build output.
 */
function forkServerSource(): ChildProcess {
  const fromWorkingDirectory = createRequire(join(process.cwd(), "package.json"));
  const entry = fromWorkingDirectory.resolve("@spool/realtime/server-process");
  const tsx = createRequire(entry).resolve("tsx");
  return fork(entry, [], { execArgv: ["--import", pathToFileURL(tsx).href], stdio: [...stdio] });
}
