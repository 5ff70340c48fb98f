import { expect, test } from "../fixtures/test";

// Methods the API does not take are refused with 405 and the list of those it does, never a 500:
// TRACE included, which Next.js cannot even turn into a request for our code.

for (const method of ["TRACE", "PUT", "DELETE", "PATCH"]) {
  test(`${method} on the API answers 405 with Allow`, async ({ request }) => {
    const response = await request.fetch("/api/trpc/user.me", { method });
    expect(response.status()).toBe(405);
    expect(response.headers()["allow"]).toBe("GET, POST, HEAD, OPTIONS");
    expect(await response.text()).toContain(`${method} is not supported`);
  });
}

test("TRACE on a page answers 405 too", async ({ request }) => {
  const response = await request.fetch("/sign-in", { method: "TRACE" });
  expect(response.status()).toBe(405);
});
