// What another app's backend does to put two of its users into a Spool chat:
//
//   SPOOL_ACCESS_KEY=… npx tsx examples/embed-chat.ts     (SPOOL_URL defaults to localhost:3000)
//
// With the access key it creates (or finds) its users and issues each a token; everything a
// user does after that goes with that user's own token.
import type { AppRouter } from "@spool/api";
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import superjson from "superjson";

const baseUrl = process.env.SPOOL_URL ?? "http://localhost:3000";
const accessKey = process.env.SPOOL_ACCESS_KEY;

/** The API as one caller: the app's backend (`AccessKey`) or one of its users (`Bearer`). */
function spool(authorization: string) {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${baseUrl}/api/trpc`,
        transformer: superjson,
        headers: { authorization },
      }),
    ],
  });
}

async function main(): Promise<void> {
  if (!accessKey) {
    console.error("Set SPOOL_ACCESS_KEY: the dev server writes one to .env on its first run.");
    process.exit(2);
  }
  const backend = spool(`AccessKey ${accessKey}`);

  // An externalId is the app's own id for the user: calling again returns the same Spool user.
  const ada = await backend.identity.createUser.mutate({
    name: "Ada",
    externalId: "crm-user-1001",
  });
  const grace = await backend.identity.createUser.mutate({
    name: "Grace",
    externalId: "crm-user-1002",
  });
  console.log(`1. users: ${ada.name} ${ada.id}, ${grace.name} ${grace.id}`);

  const adaToken = await backend.identity.issueToken.mutate({
    userId: ada.id,
    expiresInMinutes: 60,
  });
  const graceToken = await backend.identity.issueToken.mutate({
    userId: grace.id,
    scopes: ["chat.join"],
  });
  console.log(
    `2. tokens: Ada's (${adaToken.scopes.join(", ")}) until ${adaToken.expiresAt.toISOString()}, ` +
      `Grace's (${graceToken.scopes.join(", ")}) until ${graceToken.expiresAt.toISOString()}`,
  );

  const asAda = spool(`Bearer ${adaToken.token}`);
  const asGrace = spool(`Bearer ${graceToken.token}`);

  const { thread } = await asAda.thread.create.mutate({
    kind: "group",
    topic: "Order #4711",
    memberIds: [grace.id],
  });
  console.log(`3. thread: "${thread.topic}" ${thread.id} with ${thread.memberCount} members`);

  // A clientMessageId makes a retry after a lost response return the same message, not a copy.
  const sent = await asAda.message.send.mutate({
    threadId: thread.id,
    content: "The parcel left the warehouse this morning.",
    clientMessageId: `order-4711-${Date.now()}`,
  });
  console.log(`4. sent: #${sent.sequence} ${sent.id}`);

  const { items } = await asGrace.message.list.query({ threadId: thread.id });
  console.log(`5. Grace reads ${items.length} message(s):`);
  for (const message of items) console.log(`   #${message.sequence} ${message.content}`);
}

main().catch((error: unknown) => {
  if (isApiError(error) && error.data) {
    console.error(`Spool refused: ${error.data.spoolCode} (HTTP ${error.data.httpStatus})`);
    console.error(error.message);
  } else if (isApiError(error)) {
    console.error(`No answer from Spool at ${baseUrl}: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});

function isApiError(error: unknown): error is TRPCClientError<AppRouter> {
  return error instanceof TRPCClientError;
}
