import { describe, expect, it } from "vitest";
import { clientAddress } from "@/server/client-address";

const forwardedFor = (value: string) => new Headers({ "x-forwarded-for": value });

describe("the caller's address for limits", () => {
  it("is the hop the trusted proxy appended, not what the client wrote before it", () => {
    // A client sent "X-Forwarded-For: 203.0.113.9" and one proxy appended what it saw.
    expect(clientAddress(forwardedFor("203.0.113.9, 198.51.100.7"), 1)).toBe("198.51.100.7");
    expect(clientAddress(forwardedFor("203.0.113.9, 198.51.100.7, 10.0.0.2"), 2)).toBe(
      "198.51.100.7",
    );
    // Vercel, or `next start` filling the header in from the socket: one entry.
    expect(clientAddress(forwardedFor("198.51.100.7"), 1)).toBe("198.51.100.7");
    // next-auth hands over the headers as a plain object.
    expect(clientAddress({ "x-forwarded-for": "198.51.100.7" }, 1)).toBe("198.51.100.7");
  });

  it("takes the left-most hop when the request passed fewer proxies than configured", () => {
    expect(clientAddress(forwardedFor("198.51.100.7"), 2)).toBe("198.51.100.7");
  });

  it("counts an IPv6 address as its /64 and an IPv4-mapped one as IPv4", () => {
    expect(clientAddress(forwardedFor("2001:db8:1:2:aaaa::1"), 1)).toBe("2001:db8:1:2::/64");
    expect(clientAddress(forwardedFor("2001:db8:1:2:bbbb::9"), 1)).toBe("2001:db8:1:2::/64");
    expect(clientAddress(forwardedFor("::ffff:198.51.100.7"), 1)).toBe("198.51.100.7");
  });

  it("is unknown when there is no header or the hop is not an address", () => {
    expect(clientAddress(new Headers(), 1)).toBeNull();
    expect(clientAddress(forwardedFor("198.51.100.7, not-an-address"), 1)).toBeNull();
    expect(clientAddress(forwardedFor(" , "), 1)).toBeNull();
  });
});
