import type { IncomingMessage, ServerResponse } from "node:http";
import type { AppDirectory, AppState } from "./apps";
import { listChannels, describeChannel, listUsers } from "./http-channels";
import { parseJsonBody, readBody } from "./http-body";
import { HttpError } from "./http-error";
import { BatchBody, triggerBatch, triggerEvent, TriggerBody } from "./http-events";
import { checkSignedRequest } from "./http-signature";
import { maxBodyBytes } from "./limits";
import type { ServerSettings } from "./options";
import { splitRequestUrl } from "./request-url";

interface Call {
  app: AppState;
  /** The decoded path segments after the app id, e.g. a channel name. */
  names: string[];
  query: URLSearchParams;
  body: Buffer;
  settings: ServerSettings;
}

interface Route {
  method: "GET" | "POST";
  /** Matches the path; the first group is the app id, the others are `names`. */
  path: RegExp;
  run(call: Call): object;
}

// The `pusher` SDK has no base path option, so the API lives at the root, as on Pusher.
const routes: Route[] = [
  {
    method: "POST",
    path: /^\/apps\/([^/]+)\/events$/,
    run: ({ app, body, settings }) =>
      triggerEvent(app, parseJsonBody(TriggerBody, body), settings.maxPayloadBytes),
  },
  {
    method: "POST",
    path: /^\/apps\/([^/]+)\/batch_events$/,
    run: ({ app, body, settings }) =>
      triggerBatch(app, parseJsonBody(BatchBody, body), settings.maxPayloadBytes),
  },
  {
    method: "GET",
    path: /^\/apps\/([^/]+)\/channels$/,
    run: ({ app, query }) => listChannels(app, query),
  },
  {
    method: "GET",
    path: /^\/apps\/([^/]+)\/channels\/([^/]+)$/,
    run: ({ app, names, query }) => describeChannel(app, names[0] ?? "", query),
  },
  {
    method: "GET",
    path: /^\/apps\/([^/]+)\/channels\/([^/]+)\/users$/,
    run: ({ app, names }) => listUsers(app, names[0] ?? ""),
  },
];

/** The HTTP events API of Pusher Channels, checked as strictly as Pusher checks it. */
export function createHttpApi(apps: AppDirectory, settings: ServerSettings) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    serve(request, response, apps, settings).catch((error: unknown) => {
      if (error instanceof HttpError) return respond(response, error.status, error.message);
      settings.log?.(`HTTP ${request.method} ${request.url}: ${String(error)}`);
      respond(response, 500, "Internal error");
    });
  };
}

async function serve(
  request: IncomingMessage,
  response: ServerResponse,
  apps: AppDirectory,
  settings: ServerSettings,
): Promise<void> {
  const method = request.method ?? "";
  const { path, query } = splitRequestUrl(request.url);
  // Health probes (and people with a browser) ask for the root.
  if (path === "/" && (method === "GET" || method === "HEAD")) return respond(response, 200, "OK");

  const matches = routes.flatMap((route) => {
    const groups = route.path.exec(path);
    return groups ? [{ route, groups: groups.slice(1).map(decodeSegment) }] : [];
  });
  if (matches.length === 0) throw new HttpError(404, "Not found");
  const match = matches.find(({ route }) => route.method === method);
  if (!match) throw new HttpError(405, `Use ${matches.map(({ route }) => route.method)}`);

  const [appId = "", ...names] = match.groups;
  const app = apps.findById(appId);
  if (!app) throw new HttpError(404, `Unknown app ${appId}`);
  const body = await readBody(request, maxBodyBytes(settings.maxPayloadBytes));
  const refusal = checkSignedRequest(app.credentials, { method, path, query, body });
  if (refusal) throw new HttpError(401, refusal);
  respond(response, 200, match.route.run({ app, names, query, body, settings }));
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, "Malformed percent-encoding in the path");
  }
}

function respond(response: ServerResponse, status: number, body: string | object): void {
  if (response.headersSent) return;
  const json = typeof body !== "string";
  response.writeHead(status, {
    "content-type": json ? "application/json" : "text/plain; charset=utf-8",
    // Stop reading an oversized body instead of draining it into the void.
    ...(status === 413 ? { connection: "close" } : {}),
  });
  response.end(json ? JSON.stringify(body) : body);
}
