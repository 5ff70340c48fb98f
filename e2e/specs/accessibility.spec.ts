import { expectNoSeriousViolations } from "../fixtures/axe";
import { hydrated } from "../fixtures/hydration";
import { test } from "../fixtures/test";

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`no serious or critical axe violations (${colorScheme})`, () => {
    test.use({ colorScheme });

    for (const path of ["/", "/sign-in", "/sign-up"]) {
      test(path, async ({ page }) => {
        await page.goto(path);
        await hydrated(page.locator("main"));
        await expectNoSeriousViolations(page);
      });
    }

    test("/chat, signed in", async ({ signedInPage }) => {
      const { page } = await signedInPage("Axe");
      await expectNoSeriousViolations(page);
    });
  });
}
