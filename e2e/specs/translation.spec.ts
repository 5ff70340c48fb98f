import { message, messageAction, openThread, send, startChat } from "../fixtures/chat";
import { expect, test } from "../fixtures/test";

// Translation on the embedded defaults with Apertium (Debian's apertium-eng-spa): Bob reads in
// Spanish and translates automatically; Alice writes in English. The Spanish reaches Bob live
// with the message, by realtime, and the original is one click away.

test("bob reads alice in Spanish, live, can show the original, and sees the new Spanish after her edit", async ({
  signedInPage,
}) => {
  // Apertium starts its pipeline for each text (about a second, more on a busy machine).
  test.setTimeout(180_000);
  const [alice, bob] = await Promise.all([signedInPage("Alice"), signedInPage("Bob")]);

  await bob.page.goto("/chat/settings");
  await bob.page.getByLabel("My language").selectOption("es");
  await bob.page.getByRole("switch", { name: "Translate messages automatically" }).check();
  await bob.page.getByRole("button", { name: "Save" }).click();
  await expect(bob.page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();

  await startChat(alice.page, [bob.user]);
  await openThread(bob.page, alice.user.name);
  await expect(
    bob.page.getByRole("switch", { name: "Translate messages automatically" }),
  ).toBeChecked();

  // Bob's translations come with the messages, by realtime: his page asks for none.
  const asked: string[] = [];
  bob.page.on("request", (request) => {
    const url = decodeURIComponent(request.url());
    if (/translation\.translate|translateTo/.test(url)) asked.push(url);
  });

  const sent = Date.now();
  await send(alice.page, "Where is the report?");
  const received = message(bob.page, "Dónde es el informe?");
  await expect(received).toBeVisible({ timeout: 60_000 });
  console.log(`alice's message shown translated to bob after ${Date.now() - sent} ms`);
  await expect(received).toContainText("Translated from English");
  // Alice reads what she wrote, untouched.
  await expect(message(alice.page, "Where is the report?")).not.toContainText("Translated");

  await received.getByRole("button", { name: "Show original" }).click();
  const original = message(bob.page, "Where is the report?");
  await expect(original).toBeVisible();
  await original.getByRole("button", { name: "Show translation" }).click();
  await expect(message(bob.page, "Dónde es el informe?")).toBeVisible();

  await messageAction(alice.page, "Where is the report?", "Edit message");
  const editor = alice.page.getByRole("textbox", { name: "Edited message" });
  await editor.fill("The report is ready.");
  await editor.press("Enter");
  await expect(message(bob.page, "El informe está a punto.")).toBeVisible({ timeout: 60_000 });
  await expect(message(bob.page, "Dónde es el informe?")).toHaveCount(0);
  expect(asked).toEqual([]);
});

test("a reader who does not translate automatically translates one message on demand", async ({
  signedInPage,
}) => {
  test.setTimeout(180_000);
  const [alice, bob] = await Promise.all([signedInPage("Alice"), signedInPage("Bob")]);
  await startChat(alice.page, [bob.user]);
  await openThread(bob.page, alice.user.name);
  await send(alice.page, "Where is the report?");
  await expect(message(bob.page, "Where is the report?")).toBeVisible();

  // Bob's browser language is English: Spanish is what he asks for in his settings first.
  await bob.page.goto("/chat/settings");
  await bob.page.getByLabel("My language").selectOption("es");
  await bob.page.getByRole("button", { name: "Save" }).click();
  await expect(bob.page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  await openThread(bob.page, alice.user.name);

  await messageAction(bob.page, "Where is the report?", "Translate");
  await expect(message(bob.page, "Dónde es el informe?")).toContainText(
    "Translated from English · Show original",
    { timeout: 60_000 },
  );
});
