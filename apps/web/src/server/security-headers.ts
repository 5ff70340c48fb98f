// The browser-side defences every response carries. Pure functions of their options, so that
// next.config.ts (headers the same for every response), the proxy (per request) and tests share
// one definition.

/** The same on every response, static files included: see next.config.ts. */
export const staticSecurityHeaders = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  // Chat needs none of these; an injected frame or script gets none of them either.
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
} as const;

/** The part of the realtime settings that says where pusher-js in the browser connects. */
export interface RealtimeClientTarget {
  cluster: string;
  wsHost?: string;
  wsPort?: number;
  forceTLS: boolean;
}

export interface PagePolicyOptions {
  /** Fresh for every response; Next.js puts it on its own scripts. */
  nonce: string;
  realtime: RealtimeClientTarget;
  /** The host name the page was requested at: the embedded realtime server listens beside it. */
  pageHostname: string;
  /** Sites allowed to frame the app (SPOOL_FRAME_ANCESTORS); unset or empty: none. */
  frameAncestors?: string[];
  /** `next dev`: React needs eval for its debugging helpers there, never in production. */
  development: boolean;
}

/** The WebSocket origins pusher-js connects to with these settings. */
export function realtimeConnectSources(realtime: RealtimeClientTarget, pageHostname: string) {
  const host =
    realtime.wsHost ??
    (realtime.cluster === "local" ? pageHostname : `ws-${realtime.cluster}.pusher.com`);
  const port = realtime.wsPort ? `:${realtime.wsPort}` : "";
  // Without forceTLS, pusher-js still picks wss on an https page.
  return realtime.forceTLS
    ? [`wss://${host}${port}`]
    : [`ws://${host}${port}`, `wss://${host}${port}`];
}

function framing(frameAncestors: string[] | undefined): {
  directive: string;
  headers: Record<string, string>;
} {
  const allowed = frameAncestors && frameAncestors.length > 0 ? frameAncestors : undefined;
  return {
    directive: `frame-ancestors ${allowed ? allowed.join(" ") : "'none'"}`,
    // X-Frame-Options cannot name sites; browsers that know frame-ancestors ignore it anyway.
    headers: allowed ? {} : { "X-Frame-Options": "DENY" },
  };
}

/** Headers for an HTML page: a nonce-based, strict script policy. */
export function pageSecurityHeaders(options: PagePolicyOptions): Record<string, string> {
  const { directive, headers } = framing(options.frameAncestors);
  const policy = [
    "default-src 'self'",
    // 'strict-dynamic': scripts that Next's nonced scripts load are trusted; nothing else runs.
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    // Inline styles cannot run code; React style props and the emoji picker's sheet need them.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self' ${realtimeConnectSources(options.realtime, options.pageHostname).join(" ")}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    directive,
  ];
  return { "Content-Security-Policy": policy.join("; "), ...headers };
}

/** Headers for the API: JSON only, so nothing may load or run in its name. */
export function apiSecurityHeaders(frameAncestors?: string[]): Record<string, string> {
  const { directive, headers } = framing(frameAncestors);
  return { "Content-Security-Policy": `default-src 'none'; ${directive}`, ...headers };
}
