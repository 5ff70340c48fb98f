import { expect, test } from "../fixtures/test";
import { fillSignIn, uniqueNames } from "../fixtures/users";
import { hydrated } from "../fixtures/hydration";

test("signed out, /chat leads to sign-in and back to /chat after signing in", async ({
  page,
  newUser,
}) => {
  const user = await newUser("Ada");
  await page.goto("/chat");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await fillSignIn(page, user);
  await expect(page).toHaveURL(/\/chat$/);
  await expect(page.getByRole("navigation", { name: "Threads" })).toBeVisible();
});

test.describe("sign-up", () => {
  test.beforeEach(async ({ page }) => {
    await page.goto("/sign-up");
    await hydrated(page.locator("form"));
  });

  test("a taken username is named on its field", async ({ page, newUser }) => {
    const existing = await newUser("Grace");
    await page.getByLabel("Username").fill(existing.username);
    await page.getByLabel("Display name").fill("Another Grace");
    await page.getByLabel("Password").fill("long enough password");
    await page.getByRole("button", { name: "Create account" }).click();
    const username = page.getByLabel("Username");
    await expect(username).toHaveAccessibleDescription(
      `The username ${existing.username} is taken; try another.`,
    );
    await expect(username).toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveURL(/\/sign-up$/);
  });

  test("a short password is named on its field", async ({ page }) => {
    await page.getByLabel("Username").fill(uniqueNames("Linus").username);
    await page.getByLabel("Display name").fill("Linus");
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    const password = page.getByLabel("Password");
    await expect(password).toHaveAccessibleDescription("password has at least 8 characters");
    await expect(password).toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveURL(/\/sign-up$/);
  });

  test("a new account lands in /chat, signed in", async ({ page }) => {
    const names = uniqueNames("Barbara");
    await page.getByLabel("Username").fill(names.username);
    await page.getByLabel("Display name").fill(names.name);
    await page.getByLabel("Password").fill("long enough password");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/chat$/);
    const session = await page.request.get("/api/auth/session");
    expect(await session.json()).toMatchObject({ user: { name: names.name } });
  });
});

test("a wrong password is refused with a clear message", async ({ page, newUser }) => {
  const user = await newUser("Edsger");
  await page.goto("/sign-in");
  await fillSignIn(page, { username: user.username, password: "not the password" });
  await expect(page.locator("form").getByRole("alert")).toHaveText(
    "That username and password do not match an account.",
  );
  await expect(page).toHaveURL(/\/sign-in(\?|$)/);
});

test("signing out returns to sign-in", async ({ signedInPage }) => {
  const { page } = await signedInPage("Margaret");
  await page
    .getByRole("navigation", { name: "Threads" })
    .getByRole("button", { name: "Sign out" })
    .click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/chat");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
});

test("two users stay signed in side by side, each in a context of their own", async ({
  signedInPage,
}) => {
  const [alice, bob] = await Promise.all([signedInPage("Alice"), signedInPage("Bob")]);
  for (const { page, user } of [alice, bob]) {
    const session = await page.request.get("/api/auth/session");
    expect(await session.json()).toMatchObject({ user: { id: user.id, name: user.name } });
  }
});
