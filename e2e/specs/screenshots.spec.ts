import { hydrated } from "../fixtures/hydration";
import { saveScreenshot } from "../fixtures/screenshots";
import { test } from "../fixtures/test";

const pages = { home: "/", "sign-in": "/sign-in", "sign-up": "/sign-up" };

const viewports = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
};

for (const [device, viewport] of Object.entries(viewports)) {
  for (const colorScheme of ["light", "dark"] as const) {
    test.describe(`screenshots, ${device}, ${colorScheme}`, () => {
      test.use({ viewport, colorScheme });

      for (const [view, path] of Object.entries(pages)) {
        test(view, async ({ page }, testInfo) => {
          await page.goto(path);
          await hydrated(page.locator("main"));
          await saveScreenshot(page, testInfo, `${view}-${device}-${colorScheme}`);
        });
      }

      test("chat", async ({ signedInPage }, testInfo) => {
        const { page } = await signedInPage("Screenshot");
        await saveScreenshot(page, testInfo, `chat-${device}-${colorScheme}`);
      });
    });
  }
}
