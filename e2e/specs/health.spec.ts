import { expect, test } from "../fixtures/test";

test("the home page shows the database and the realtime server reachable", async ({ page }) => {
  await page.goto("/");
  for (const name of ["Database", "Realtime"]) {
    const row = page
      .locator("[data-ok]")
      .filter({ has: page.getByRole("term").filter({ hasText: name }) });
    await expect(row.getByRole("definition")).toHaveText(/^reachable \(/);
    await expect(row).toHaveAttribute("data-ok", "true");
  }
});

test("/api/health answers 200 with both reachable", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({
    database: { reachable: true },
    realtime: { reachable: true },
  });
});
