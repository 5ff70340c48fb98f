// The embedded server in a process of its own (see process.ts, which forks this file): the
// parent's event loop never parses a client's frame, so no client can stall the app.
import type { FromServerProcess, ToServerProcess } from "./process-messages";
import { type RealtimeServer, startRealtimeServer } from "./start";

const report = (message: FromServerProcess) => process.send?.(message);
let server: Promise<RealtimeServer> | undefined;

async function stop(): Promise<never> {
  await server?.then((running) => running.close()).catch(() => {});
  process.exit(0);
}

process.on("message", (message: ToServerProcess) => {
  if (message.type === "close") return void stop();
  server = startRealtimeServer({
    ...message.options,
    log: (text) => report({ type: "log", message: text }),
  });
  server.then(
    ({ port, url }) => report({ type: "listening", port, url }),
    (error: NodeJS.ErrnoException) => {
      report({ type: "failed", name: error.name, message: error.message, code: error.code });
      process.exit(1);
    },
  );
});

// The parent decides when this process ends: a Ctrl-C reaches the whole process group, and the
// parent answers it by asking for a close (4200 to every client) before it goes itself.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => {});
// The parent is gone (even killed outright): nobody is left to publish, so close and go too.
process.on("disconnect", () => void stop());
