import type { AppDirectory, AppState } from "./apps";
import { CloseCode, PROTOCOL_VERSION } from "./protocol";
import { splitRequestUrl } from "./request-url";

export type Admission = { app: AppState } | { refused: { code: number; reason: string } };

function refuse(code: number, reason: string): Admission {
  return { refused: { code, reason } };
}

/**
 * Checks the WebSocket URL, `/app/{key}?protocol=7&...`. A refusal is a close code, sent after
 * the upgrade completes: pusher-js only learns why (and whether to retry) from that code.
 */
export function admit(url: string | undefined, apps: AppDirectory): Admission {
  const { path, query } = splitRequestUrl(url);
  const key = /^\/app\/([^/]+)$/.exec(path)?.[1];
  if (key === undefined) return refuse(CloseCode.badPath, "Connect to /app/{key}");
  const app = apps.findByKey(key);
  if (!app) return refuse(CloseCode.unknownAppKey, "Unknown app key");

  const protocol = query.get("protocol");
  if (protocol === null) return refuse(CloseCode.missingProtocol, "Missing protocol version");
  if (!/^\d{1,3}$/.test(protocol)) return refuse(CloseCode.badProtocol, "Invalid protocol version");
  if (Number(protocol) !== PROTOCOL_VERSION) {
    return refuse(
      CloseCode.unsupportedProtocol,
      `Unsupported protocol; this server speaks ${PROTOCOL_VERSION}`,
    );
  }
  return { app };
}
