// A bot that answers in every thread it is in, in realtime:
//
//   SPOOL_ACCESS_KEY=… npx tsx examples/bot.ts     (SPOOL_URL defaults to localhost:3000)
//
// Add the bot (its user id is printed at start) to a thread, or open a 1:1 chat with it, and
// write "ping", "time" or anything else. It keeps running until stopped (Ctrl-C).
import { SpoolAdmin, SpoolClient } from "@spool/sdk";

const url = process.env.SPOOL_URL ?? "http://localhost:3000";
const accessKey = process.env.SPOOL_ACCESS_KEY;
if (!accessKey) {
  console.error("Set SPOOL_ACCESS_KEY: the dev server writes one to .env on its first run.");
  process.exit(2);
}

const admin = new SpoolAdmin({ url, accessKey });
const bot = await admin.createUser({ name: "Echo bot", externalId: "example-echo-bot" });
const client = new SpoolClient({ url, token: () => admin.issueToken(bot.id) });

function answer(content: string): string {
  if (/^ping$/i.test(content.trim())) return "pong";
  if (/^time$/i.test(content.trim())) return `It is ${new Date().toISOString()} here.`;
  return `You said: ${content}`;
}

// Every thread the bot is in, including those it is added to later; after a dropped
// connection the SDK delivers what was missed, once and in order, so nobody goes unanswered.
client.on("message.created", ({ threadId, message }) => {
  if (message.senderId === bot.id || message.type !== "text") return;
  void client
    .thread(threadId)
    .send(answer(message.content))
    .catch((error: unknown) => console.error("could not answer:", error));
});
client.on("disconnected", () => console.log("connection lost; reconnecting"));
client.on("reconnected", () => console.log("reconnected; catching up"));
client.on("error", (error) => console.error(error));

await client.connect();
console.log(`bot ready: ${bot.id}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    client.disconnect();
    process.exit(0);
  });
}
