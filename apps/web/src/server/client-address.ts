import "server-only";
import { env } from "@spool/env";
import ipaddr from "ipaddr.js";

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

/**
 * The caller's address, for limits per address; null when it cannot be told.
 *
 * X-Forwarded-For lists the hops a request came through, each proxy appending the address it
 * saw. Anything left of the proxies we run is whatever the client sent, so the address is the
 * entry `trustedProxies` from the right (SPOOL_TRUSTED_PROXIES, default 1). Vercel replaces
 * the header with the client's address; `npm start` sets it from the socket only when the
 * request has none, so an app served without a proxy in front takes the client's word for it.
 *
 * An IPv6 address counts as its /64 network: one subscriber is usually given a whole one.
 */
export function clientAddress(
  headers: HeaderSource,
  trustedProxies: number = env.SPOOL_TRUSTED_PROXIES,
): string | null {
  const raw =
    headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const hops = [raw ?? []]
    .flat()
    .flatMap((value) => value.split(","))
    .map((hop) => hop.trim())
    .filter(Boolean);
  // Fewer hops than proxies: the request skipped one of them; its left-most is all there is.
  const hop = hops[Math.max(hops.length - trustedProxies, 0)];
  if (!hop || !ipaddr.isValid(hop)) return null;
  const address = ipaddr.process(hop);
  if (address.kind() === "ipv4") return address.toString();
  const network = (address as ipaddr.IPv6).parts.slice(0, 4).map((part) => part.toString(16));
  return `${network.join(":")}::/64`;
}
