import { encode } from "next-auth/jwt";
import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures/test";
import { nextAuthSecret } from "../fixtures/app-env";
import type { TestUser } from "../fixtures/users";

// Sign-in and next-auth's own routes as a browser without JavaScript (or before hydration)
// meets them, and with a session whose account is gone.

const signInMessage = "That username and password do not match an account.";

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  /** Every URL the browser asks for, to prove that the password is in none of them. */
  function urlsOf(page: Page): string[] {
    const urls: string[] = [];
    page.on("request", (request) => urls.push(request.url()));
    return urls;
  }

  async function submit(page: Page, user: Pick<TestUser, "username" | "password">) {
    await page.goto("/sign-in");
    await page.getByLabel("Username").fill(user.username);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
  }

  test("the sign-in form posts the password in the body and signs in", async ({
    page,
    newUser,
  }) => {
    const user = await newUser("Hedy");
    const urls = urlsOf(page);
    await submit(page, user);
    await expect(page).toHaveURL(/\/chat$/);
    await expect(page.getByRole("navigation", { name: "Threads" })).toBeVisible();
    expect(
      urls.filter(
        (url) => url.includes(encodeURIComponent(user.password)) || /password=/i.test(url),
      ),
    ).toEqual([]);
  });

  test("a wrong password comes back to sign-in with a clear message, not in the URL", async ({
    page,
    newUser,
  }) => {
    const user = await newUser("Alan");
    const urls = urlsOf(page);
    await submit(page, { username: user.username, password: "not the password" });
    await expect(page).toHaveURL(/\/sign-in\?.*error=CredentialsSignin/);
    await expect(page.getByRole("alert")).toHaveText(signInMessage);
    expect(
      urls.filter((url) => url.includes("not%20the%20password") || /password=/i.test(url)),
    ).toEqual([]);
  });
});

test("next-auth's sign-out route shows our sign-out page", async ({ page }) => {
  await page.goto("/api/auth/signout");
  await expect(page).toHaveURL(/\/sign-out$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You are signed out");
  await expect(page.getByRole("main").getByText("Spool", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
});

test("next-auth's error route shows our error page, in our words only", async ({ page }) => {
  await page.goto("/api/auth/error?error=Configuration");
  await expect(page).toHaveURL(/\/auth-error\?error=Configuration$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign-in is not set up");

  await page.goto(`/api/auth/error?error=${encodeURIComponent("<b>Call 555-0100</b>")}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Signing in did not work");
  await expect(page.getByText("555-0100")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Back to sign-in" })).toBeVisible();
});

test("next-auth's verify-request route shows our page", async ({ page }) => {
  await page.goto("/api/auth/verify-request");
  await expect(page).toHaveURL(/\/verify-request$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("No sign-in link was sent");
});

test("a session for an account that no longer exists lands on a clear sign-out page", async ({
  page,
  context,
  baseURL,
}) => {
  // What a browser keeps after the database was reset: a valid cookie for a user id nobody has.
  const token = await encode({
    token: { sub: "00000000-0000-4000-8000-000000000000", name: "Gone" },
    secret: nextAuthSecret,
  });
  await context.addCookies([{ name: "next-auth.session-token", value: token, url: baseURL! }]);

  await page.goto("/chat");
  await expect(page).toHaveURL(/\/sign-out$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your session has ended");
  await expect(page.getByText(/no longer exists/)).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/chat");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
});
