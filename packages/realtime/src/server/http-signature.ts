import { createHash } from "node:crypto";
import { safeEqual, sign } from "./auth-signatures";
import type { AppCredentials } from "./options";

/** How far the caller's clock may be from ours, as Pusher allows. */
export const MAX_CLOCK_SKEW_SECONDS = 600;

export interface SignedRequest {
  method: string;
  /** The path exactly as received, e.g. `/apps/1/events`. */
  path: string;
  query: URLSearchParams;
  body: Buffer;
}

export function bodyMd5(body: Buffer | string): string {
  return createHash("md5").update(body).digest("hex");
}

/**
 * What the `pusher` SDK signs: method, path and every query parameter but the signature,
 * sorted by key, `k=v` joined by `&`, not URL-encoded.
 */
export function stringToSign(method: string, path: string, params: Map<string, string>): string {
  const pairs = [...params]
    .filter(([key]) => key !== "auth_signature")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`);
  return `${method.toUpperCase()}\n${path}\n${pairs.join("&")}`;
}

/** Why the request's signature does not hold, or undefined when it does. */
export function checkSignedRequest(
  app: AppCredentials,
  request: SignedRequest,
  nowSeconds = Date.now() / 1000,
): string | undefined {
  const params = new Map<string, string>();
  for (const [key, value] of request.query) {
    // A second value would be signed but could be read differently from the first.
    if (params.has(key)) return `Query parameter ${key} is given twice`;
    params.set(key, value);
  }

  if (params.get("auth_key") !== app.key) return "auth_key is not this app's key";
  if (params.get("auth_version") !== "1.0") return "auth_version must be 1.0";
  const timestamp = params.get("auth_timestamp") ?? "";
  if (!/^\d{1,12}$/.test(timestamp)) return "auth_timestamp must be seconds since 1970";
  const skew = Math.round(Math.abs(nowSeconds - Number(timestamp)));
  if (skew > MAX_CLOCK_SKEW_SECONDS) {
    return `auth_timestamp is ${skew} s away from the server's clock; at most ${MAX_CLOCK_SKEW_SECONDS} s is allowed`;
  }
  const md5 = params.get("body_md5");
  if ((request.body.length > 0 || md5 !== undefined) && md5 !== bodyMd5(request.body)) {
    return "body_md5 does not match the body";
  }

  const signature = params.get("auth_signature");
  if (signature === undefined) return "auth_signature is missing";
  const signed = stringToSign(request.method, request.path, params);
  if (safeEqual(sign(app.secret, signed), signature)) return undefined;
  // What Pusher answers too: the string to sign says what went wrong without revealing anything.
  return `Invalid signature: expected HMAC-SHA256 hex of ${JSON.stringify(signed)} with the app secret`;
}
