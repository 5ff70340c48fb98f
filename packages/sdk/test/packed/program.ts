// A program of an app outside this repository, type-checked strictly against the packed SDK
// and run against a real Spool: send, receive an event, catch up after the realtime server
// restarts. It talks to the test over stdio: it says what it needs done, the test answers.
import { createInterface } from "node:readline";
import { SpoolAdmin, SpoolClient, SpoolError, type Message, type ThreadEvents } from "@spool/sdk";
import { accessKey, url } from "./config.js";

const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
async function ask(request: string): Promise<void> {
  console.log(request);
  await lines.next();
}
function until(check: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const poll = setInterval(() => check() && (clearInterval(poll), resolve()), 20);
  });
}

const admin = new SpoolAdmin({ url, accessKey });
const alice = await admin.createUser({ name: "Alice" });
const bob = await admin.createUser({ name: "Bob" });
const aliceClient = new SpoolClient({ url, token: () => admin.issueToken(alice.id) });
const bobClient = new SpoolClient({ url, token: (await admin.issueToken(bob.id)).token });

const received: string[] = [];
const states: string[] = [];
const onCreated = (event: ThreadEvents["message.created"]) => {
  const content: string = event.message.content;
  received.push(content);
};
bobClient.on("message.created", onCreated);
bobClient.on("disconnected", () => states.push("disconnected"));
bobClient.on("reconnected", () => states.push("reconnected"));
// @ts-expect-error: event names are checked
bobClient.on("message.create", () => {});

const { id } = await aliceClient.createThread({ topic: "outside", memberIds: [bob.id] });
const thread = aliceClient.thread(id);
await bobClient.connect();
const sent: Message = await thread.send("one");
await until(() => received.length === 1);

await ask("STOP-REALTIME");
await until(() => states.includes("disconnected"));
await thread.send({ content: "two", priority: "high" });
await ask("START-REALTIME");
await until(() => states.includes("reconnected"));
await thread.send("three");
await until(() => received.length === 3);

const refused = await thread.edit(sent.id, "").catch((error: unknown) => error);
const code = refused instanceof SpoolError ? refused.code : "not a SpoolError";
console.log(`RESULT ${JSON.stringify({ received, code })}`);
bobClient.disconnect();
process.exit(0);
