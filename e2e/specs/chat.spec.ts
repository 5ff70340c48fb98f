import {
  composer,
  message,
  messageAction,
  messageLog,
  openMembers,
  openThread,
  send,
  startChat,
  threadList,
} from "../fixtures/chat";
import { hydrated } from "../fixtures/hydration";
import { networkSwitch } from "../fixtures/network";
import { saveScreenshot } from "../fixtures/screenshots";
import { expect, test } from "../fixtures/test";

// Two (or three) people, each signed in in a browser context of their own, chatting through
// the real app, database and realtime server. Everything the other side sees arrives live:
// no test reloads to see a change, except the one about reloading.

const topicFor = (label: string) => `${label} ${Math.random().toString(36).slice(2, 8)}`;

test("a new group and its messages reach the other member live, with a read receipt", async ({
  signedInPage,
  newUser,
}) => {
  const [alice, bob, carol] = await Promise.all([
    signedInPage("Alice"),
    signedInPage("Bob"),
    newUser("Carol"), // a group needs two others; Carol does not look
  ]);
  const topic = topicFor("Launch");

  await startChat(alice.page, [bob.user, carol], topic);
  await expect(threadList(bob.page).getByRole("link", { name: topic })).toBeVisible();
  await openThread(bob.page, topic);

  await send(alice.page, "Hello Bob, the launch is on Friday");
  await expect(message(bob.page, "Hello Bob, the launch is on Friday")).toBeVisible();
  await expect(message(alice.page, "Hello Bob, the launch is on Friday")).toContainText(
    `Seen by ${bob.user.name}`,
  );
});

test("typing shows on the other side and ends when the message arrives", async ({
  signedInPage,
}) => {
  const [alice, bob] = await Promise.all([signedInPage("Alice"), signedInPage("Bob")]);
  await startChat(alice.page, [bob.user]);
  await openThread(bob.page, alice.user.name);

  await composer(bob.page).fill("On my way");
  const typing = alice.page.getByRole("status").filter({ hasText: `${bob.user.name} is typing…` });
  await expect(typing).toBeVisible();
  await bob.page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(message(alice.page, "On my way")).toBeVisible();
  // The same render that shows the message drops the typing line, so it is gone the moment the
  // message is there, however slow the machine (waiting would prove nothing: the line also
  // lapses by itself after 6 s).
  expect(await typing.count()).toBe(0);
});

test("edits, deletions and reactions reach the other side, and a reload keeps them", async ({
  signedInPage,
}, testInfo) => {
  const [alice, bob] = await Promise.all([signedInPage("Alice"), signedInPage("Bob")]);
  await startChat(alice.page, [bob.user]);
  await openThread(bob.page, alice.user.name);

  await send(alice.page, "Meeting at 10 in room 4");
  await send(alice.page, "This one was a mistake");
  await expect(message(bob.page, "This one was a mistake")).toBeVisible();

  await messageAction(alice.page, "Meeting at 10 in room 4", "Edit message");
  const editor = alice.page.getByRole("textbox", { name: "Edited message" });
  await editor.fill("Meeting at 11 in room 4");
  await editor.press("Enter");
  await expect(message(bob.page, "Meeting at 11 in room 4")).toContainText("(edited)");
  await expect(message(bob.page, "Meeting at 10")).toHaveCount(0);

  await messageAction(alice.page, "This one was a mistake", "Delete message");
  await alice.page
    .getByRole("dialog", { name: "Delete message?" })
    .getByRole("button", { name: "Delete", exact: true })
    .click();
  await expect(message(bob.page, "This one was a mistake")).toHaveCount(0);
  await expect(message(bob.page, "Message deleted")).toBeVisible();

  await messageAction(bob.page, "Meeting at 11 in room 4", "Add reaction");
  await bob.page.getByRole("button", { name: "React with 👍" }).click();
  await expect(
    message(alice.page, "Meeting at 11 in room 4").getByRole("button", { name: "👍 1" }),
  ).toBeVisible();

  await bob.page.reload();
  await hydrated(composer(bob.page));
  const meeting = message(bob.page, "Meeting at 11 in room 4");
  await expect(meeting).toContainText("(edited)");
  await expect(meeting.getByRole("button", { name: "👍 1, reacted by you" })).toBeVisible();
  await expect(message(bob.page, "Message deleted")).toBeVisible();
  await expect(message(bob.page, "This one was a mistake")).toHaveCount(0);
  await saveScreenshot(bob.page, testInfo, "thread-desktop-light");
});

test("adding and removing members and changing the topic reach everyone", async ({
  signedInPage,
  newUser,
}) => {
  const [alice, bob, carol, dave] = await Promise.all([
    signedInPage("Alice"),
    signedInPage("Bob"),
    newUser("Carol"),
    signedInPage("Dave"),
  ]);
  const topic = topicFor("Members");
  await startChat(alice.page, [bob.user, carol], topic);
  await openThread(bob.page, topic);

  const panel = await openMembers(alice.page);
  await panel.getByRole("button", { name: "Add people" }).click();
  await panel.getByRole("searchbox", { name: "Find people" }).fill(dave.user.username);
  await panel.getByRole("checkbox", { name: dave.user.name }).check();
  await panel.getByRole("button", { name: `Add ${dave.user.name}` }).click();
  await expect(threadList(dave.page).getByRole("link", { name: topic })).toBeVisible();
  await expect(messageLog(bob.page)).toContainText(`${alice.user.name} added ${dave.user.name}`);
  await openThread(dave.page, topic);

  const newTopic = topicFor("Renamed");
  await panel.getByRole("button", { name: "Edit topic" }).click();
  await panel.getByRole("textbox", { name: "Topic" }).fill(newTopic);
  await panel.getByRole("button", { name: "Save topic" }).click();
  await expect(bob.page.getByRole("heading", { level: 1, name: newTopic })).toBeVisible();
  await expect(messageLog(bob.page)).toContainText(
    `${alice.user.name} changed the topic to “${newTopic}”`,
  );
  await expect(dave.page.getByRole("heading", { level: 1, name: newTopic })).toBeVisible();

  await panel.getByRole("button", { name: `Remove ${bob.user.name}` }).click();
  await panel.getByRole("button", { name: "Remove", exact: true }).click();
  await expect(
    bob.page.getByRole("status").filter({ hasText: `You were removed from “${newTopic}”` }),
  ).toBeAttached();
  await expect(threadList(bob.page).getByRole("link", { name: newTopic })).toHaveCount(0);
  // Live: a member who opens the thread later sees "removed Someone" (names of former
  // members are only known to views that saw them as members).
  await expect(messageLog(dave.page)).toContainText(`${alice.user.name} removed ${bob.user.name}`);
});

test("a member who was offline catches up when back online", async ({ signedInPage }) => {
  const [alice, bob] = await Promise.all([signedInPage("Alice"), signedInPage("Bob")]);
  const path = await startChat(alice.page, [bob.user]);

  const network = await networkSwitch(bob.context);
  await bob.page.goto(path); // a fresh load, so that its realtime connection is switchable
  await hydrated(composer(bob.page));
  await network.connected();
  await send(alice.page, "Before the tunnel");
  await expect(message(bob.page, "Before the tunnel")).toBeVisible();

  await network.goOffline();
  await expect(bob.page.getByRole("status").filter({ hasText: "Offline" })).toBeVisible();
  await send(alice.page, "While you were away, one");
  await send(alice.page, "While you were away, two");
  await expect(message(bob.page, "While you were away")).toHaveCount(0);

  await network.goOnline();
  await expect(message(bob.page, "While you were away, two")).toBeVisible();
  await expect(messageLog(bob.page).getByRole("article")).toContainText([
    "Before the tunnel",
    "While you were away, one",
    "While you were away, two",
  ]);
});
