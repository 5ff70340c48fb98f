import { Server, type IncomingMessage, type ServerResponse } from "node:http";
import { allowHeader } from "@spool/api/http-methods";

// Node's fetch cannot represent TRACE (the Fetch standard forbids it), and Next.js turns every
// request into a fetch Request before any route or proxy of ours runs: it would end in a 500.
// It is answered here instead, at the HTTP server, before Next.js sees it. The standard's
// other forbidden methods never get that far: Node's parser answers TRACK with 400, and
// CONNECT is not a request event at all.
const unfetchable = new Set(["TRACE"]);

function refuse(request: IncomingMessage, response: ServerResponse): void {
  response.writeHead(405, {
    Allow: allowHeader,
    "Content-Type": "application/json",
    "Cache-Control": "no-store",
  });
  response.end(
    JSON.stringify({
      error: {
        code: "METHOD_NOT_SUPPORTED",
        message: `${request.method} is not supported: use one of ${allowHeader}.`,
      },
    }),
  );
}

/** Makes every HTTP server in this process answer TRACE with 405. */
export function refuseUnfetchableMethods(): void {
  type Emit = (this: Server, event: string | symbol, ...args: unknown[]) => boolean;
  const emit = Server.prototype.emit as Emit;
  if ((emit as { refusesUnfetchable?: true }).refusesUnfetchable) return;
  const guarded: Emit = function (event, ...args) {
    if (event === "request") {
      const [request, response] = args as [IncomingMessage, ServerResponse];
      if (unfetchable.has(request.method ?? "")) {
        refuse(request, response);
        return true;
      }
    }
    return emit.call(this, event, ...args);
  };
  Server.prototype.emit = Object.assign(guarded, { refusesUnfetchable: true as const });
}
