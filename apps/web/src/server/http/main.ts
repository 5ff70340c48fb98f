// `npm start`: Spool's own HTTP server. It answers the API itself, through the same handler
// as the Next.js route but without Next.js's route runtime, which cost more CPU per send than
// the API; everything else (pages, auth, health, static files) goes to Next.js, as a
// custom server. It answers `GET /api/realtime/config` too, so that clients find the realtime
// server however Spool is served. `next dev` and Vercel serve the API from the route instead.
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import next from "next";
import { refuseUnfetchableMethods } from "../refuse-unfetchable-methods";
import { startUp } from "../start-up";

// eslint-disable-next-line no-restricted-properties -- the variable `next start` listens on, read the same way
const port = Number(process.env.PORT || 3000);
const appDir = fileURLToPath(new URL("../../", import.meta.url));

refuseUnfetchableMethods();
// The embedded realtime server's process runs from the bundle built beside this one.
await startUp(
  `http://localhost:${port}`,
  fileURLToPath(new URL("realtime-process.mjs", import.meta.url)),
);
const app = next({ dev: false, dir: appDir, port });
const handleByNext = app.getRequestHandler();
await app.prepare();
// Only now: next/server, which the API's modules use, needs what Next.js sets up in prepare().
const { ownRoute } = await import("./serve-api");

const server = createServer((request, response) => {
  const serve = ownRoute(request);
  if (!serve) return void handleByNext(request, response);
  serve(request, response).catch((error: unknown) => {
    console.error("API: a request failed outside the API's own error handling", error);
    if (!response.headersSent) response.writeHead(500);
    response.end();
  });
});
server.listen(port);

// The database and the embedded realtime server close themselves on these signals, then end
// the process; until then, no new connections.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => server.close());
