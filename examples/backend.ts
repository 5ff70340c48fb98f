// What your app's backend does to put its users into a Spool chat, with @spool/sdk:
//
//   SPOOL_ACCESS_KEY=… npx tsx examples/backend.ts     (SPOOL_URL defaults to localhost:3000)
//
// With the access key it creates (or finds) its users and issues each a token; everything a
// user does after that goes with that user's own token, through SpoolClient.
import { SpoolAdmin, SpoolClient, SpoolError } from "@spool/sdk";

const url = process.env.SPOOL_URL ?? "http://localhost:3000";
const accessKey = process.env.SPOOL_ACCESS_KEY;
if (!accessKey) {
  console.error("Set SPOOL_ACCESS_KEY: the dev server writes one to .env on its first run.");
  process.exit(2);
}

try {
  const admin = new SpoolAdmin({ url, accessKey });
  // An externalId is your own id for the user: calling again returns the same Spool user.
  const ada = await admin.createUser({ name: "Ada", externalId: "crm-user-1001" });
  const grace = await admin.createUser({ name: "Grace", externalId: "crm-user-1002" });
  console.log(`1. users: ${ada.name} ${ada.id}, ${grace.name} ${grace.id}`);

  // A client asks for a token whenever it needs one: before the last one expires, and once
  // more if Spool answers 401. In a browser, this would be a call to your own backend.
  const asAda = new SpoolClient({ url, token: () => admin.issueToken(ada.id) });
  const graceToken = await admin.issueToken(grace.id, { scopes: ["chat.join"] });
  const asGrace = new SpoolClient({ url, token: graceToken.token });
  console.log(
    `2. Grace's token (${graceToken.scopes.join(", ")}) lasts until ${graceToken.expiresAt.toISOString()}`,
  );

  const thread = await asAda.createThread({ topic: "Order #4711", memberIds: [grace.id] });
  console.log(`3. thread: "${thread.topic}" ${thread.id} with ${thread.memberCount} members`);

  // Sent exactly once: a lost answer or a 5xx is retried with the same clientMessageId.
  const sent = await asAda.thread(thread.id).send("The parcel left the warehouse this morning.");
  console.log(`4. sent: #${sent.sequence} ${sent.id}`);

  console.log("5. Grace reads, newest first:");
  for await (const message of asGrace.thread(thread.id).messages()) {
    console.log(`   #${message.sequence} ${message.type} ${message.content}`);
  }
} catch (error) {
  if (error instanceof SpoolError && error.status > 0) {
    console.error(`Spool refused: ${error.code} (HTTP ${error.status}): ${error.message}`);
  } else {
    console.error(`No answer from Spool at ${url}:`, error);
  }
  process.exit(1);
}
