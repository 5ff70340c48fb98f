import { message, openThread, send, startChat } from "../fixtures/chat";
import { expect, test } from "../fixtures/test";

// The browser-side defences: what every page and API response says, and that the chat works
// under them (the signedInPage fixture fails a test on any CSP violation).

const realtimePort = Number(process.env.SPOOL_E2E_REALTIME_PORT ?? 6400);

const everywhere = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
};

test("a page sends a strict CSP with a fresh nonce on Next's scripts, and the other headers", async ({
  request,
}) => {
  const [first, second] = [await request.get("/sign-up"), await request.get("/sign-up")];
  const headers = first.headers();
  expect(headers).toMatchObject(everywhere);
  expect(headers["permissions-policy"]).toContain("camera=()");
  const csp = headers["content-security-policy"]!;
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
  expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${realtimePort}`);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(second.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`);

  const html = await first.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
});

test("an API response sends a CSP that allows nothing, and the other headers", async ({
  request,
}) => {
  const response = await request.get("/api/health");
  expect(response.headers()).toMatchObject({
    ...everywhere,
    "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
  });
  expect(response.headers()["permissions-policy"]).toContain("microphone=()");
});

test("a static file is sent with nosniff", async ({ request }) => {
  const html = await (await request.get("/sign-in")).text();
  const script = /<script\b[^>]*src="([^"]+)"/.exec(html)?.[1];
  const response = await request.get(script!);
  expect(response.ok()).toBe(true);
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
});

test("the chat runs under the CSP: realtime connects and messages arrive live", async ({
  signedInPage,
}) => {
  const [alice, bob] = await Promise.all([signedInPage("Alice"), signedInPage("Bob")]);
  await startChat(alice.page, [bob.user]);
  await openThread(bob.page, alice.user.name);
  await send(alice.page, "Strictly speaking, hello");
  await expect(message(bob.page, "Strictly speaking, hello")).toBeVisible();
});

test("the app refuses to be framed, even by a page of its own origin", async ({
  page,
  baseURL,
}) => {
  // A page on the app's own origin: Chromium lets no page on the open web frame a local address
  // anyway, and frame-ancestors 'none' refuses every parent alike.
  const embedder = `${baseURL}/embedder-page`;
  await page.route(embedder, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<h1>Embedder</h1><iframe title="spool" src="${baseURL}/sign-up"></iframe>`,
    }),
  );
  const refused = page.waitForEvent("requestfailed", (request) =>
    request.url().startsWith(`${baseURL}/sign-up`),
  );
  await page.goto(embedder);
  expect((await refused).failure()?.errorText).toBe("net::ERR_BLOCKED_BY_RESPONSE");
  await expect(page.getByRole("heading", { name: "Embedder" })).toBeVisible();
  const frame = page.frameLocator('iframe[title="spool"]');
  await expect(frame.getByRole("heading", { name: "Create an account" })).toHaveCount(0);
});
