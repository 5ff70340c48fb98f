import PusherServer from "pusher";
import { describe, expect, it } from "vitest";
import {
  channelSignature,
  sign,
  userSignature,
  verifyAuth,
} from "../../src/server/auth-signatures";
import { bodyMd5, checkSignedRequest, stringToSign } from "../../src/server/http-signature";
import { APP } from "./support/harness";

// The vectors of PUSHER-PROTOCOL.md (key 278d425bdf160c739803, secret 7ad3773142a6692b25b8).
const SOCKET = "1234.1234";
const PRESENCE_DATA = '{"user_id":10,"user_info":{"name":"Mr. Channels"}}';
const sdk = new PusherServer({ appId: APP.id, key: APP.key, secret: APP.secret, host: "unused" });

describe("channel and user signatures", () => {
  it("match the private and presence test vectors", () => {
    expect(channelSignature(APP.secret, SOCKET, "private-foobar")).toBe(
      "58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4",
    );
    expect(channelSignature(APP.secret, SOCKET, "presence-foobar", PRESENCE_DATA)).toBe(
      "31935e7d86dba64c2a90aed31fdc61869f9b22ba9d8863bba239c03ca481bc80",
    );
  });

  it("accept what the pusher SDK signs and nothing else", () => {
    const { auth } = sdk.authorizeChannel(SOCKET, "private-foobar");
    const expected = channelSignature(APP.secret, SOCKET, "private-foobar");

    expect(verifyAuth(APP, auth, expected)).toBe(true);
    expect(verifyAuth(APP, auth.replace(APP.key, "other-key"), expected)).toBe(false);
    expect(verifyAuth(APP, auth.slice(0, -1), expected)).toBe(false);
    expect(verifyAuth(APP, auth.toUpperCase(), expected)).toBe(false);
    expect(verifyAuth(APP, "", expected)).toBe(false);
    expect(verifyAuth(APP, `${APP.key}:${"0".repeat(64)}`, expected)).toBe(false);
  });

  it("agree with the SDK on user sign-in", () => {
    const { auth, user_data: userData } = sdk.authenticateUser(SOCKET, { id: "alice" });
    expect(verifyAuth(APP, auth, userSignature(APP.secret, SOCKET, userData))).toBe(true);
  });
});

describe("HTTP request signatures", () => {
  const body = '{"name":"foo","channels":["project-3"],"data":"{\\"some\\":\\"data\\"}"}';
  const timestamp = 1353088179;
  const query = new URLSearchParams({
    auth_key: APP.key,
    auth_timestamp: String(timestamp),
    auth_version: "1.0",
    body_md5: "ec365a775a4cd0599faeb73354201b6f",
    auth_signature: "da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c",
  });
  const request = { method: "POST", path: "/apps/3/events", query, body: Buffer.from(body) };

  it("match the events test vector", () => {
    const params = new Map(query);
    expect(bodyMd5(body)).toBe("ec365a775a4cd0599faeb73354201b6f");
    expect(sign(APP.secret, stringToSign("POST", "/apps/3/events", params))).toBe(
      "da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c",
    );
    expect(checkSignedRequest(APP, request, timestamp)).toBeUndefined();
  });

  it("refuse a stale timestamp, another body, another path and a repeated parameter", () => {
    expect(checkSignedRequest(APP, request, timestamp + 601)).toMatch(/601 s away/);
    expect(checkSignedRequest(APP, request, timestamp - 601)).toMatch(/601 s away/);
    expect(checkSignedRequest(APP, request, timestamp + 599)).toBeUndefined();

    const otherBody = { ...request, body: Buffer.from(body.replace("foo", "bar")) };
    expect(checkSignedRequest(APP, otherBody, timestamp)).toMatch(/body_md5/);

    const otherPath = { ...request, path: "/apps/3/batch_events" };
    expect(checkSignedRequest(APP, otherPath, timestamp)).toMatch(/Invalid signature/);

    const repeated = new URLSearchParams(query);
    repeated.append("auth_key", APP.key);
    expect(checkSignedRequest(APP, { ...request, query: repeated }, timestamp)).toMatch(/twice/);
  });
});
