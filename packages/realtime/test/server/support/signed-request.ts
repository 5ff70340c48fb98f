import { createHash, createHmac } from "node:crypto";
import { APP } from "./harness";

export interface SignedRequestOptions {
  body?: string;
  query?: Record<string, string>;
  /** Seconds since 1970; now by default. */
  timestamp?: number;
  secret?: string;
  /** Sign another body than the one sent, as a tampering proxy would. */
  signedBody?: string;
  /** Sign another path than the one requested. */
  signedPath?: string;
}

/**
 * An HTTP API request signed by hand, following PUSHER-PROTOCOL.md rather than the SDK, for
 * what the SDK refuses to send (stale timestamps, oversized names, bodies that are not JSON).
 */
export async function signedRequest(
  port: number,
  method: "GET" | "POST",
  path: string,
  options: SignedRequestOptions = {},
): Promise<{ status: number; text: string }> {
  const signedBody = options.signedBody ?? options.body;
  const params: Record<string, string> = {
    auth_key: APP.key,
    auth_timestamp: String(options.timestamp ?? Math.floor(Date.now() / 1000)),
    auth_version: "1.0",
    ...options.query,
    ...(signedBody === undefined ? {} : { body_md5: md5(signedBody) }),
  };
  const query = Object.keys(params)
    .sort()
    .map((key) => `${key}=${params[key]}`)
    .join("&");
  const signature = createHmac("sha256", options.secret ?? APP.secret)
    .update(`${method}\n${options.signedPath ?? path}\n${query}`)
    .digest("hex");
  const response = await fetch(
    `http://127.0.0.1:${port}${path}?${query}&auth_signature=${signature}`,
    {
      method,
      body: options.body,
      headers: options.body === undefined ? {} : { "content-type": "application/json" },
    },
  );
  return { status: response.status, text: await response.text() };
}

function md5(text: string): string {
  return createHash("md5").update(text).digest("hex");
}
