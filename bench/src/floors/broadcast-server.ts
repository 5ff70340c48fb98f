// The floor of a delivery: a raw `ws` server that, on POST /send, optionally INSERTs a row with
// plain pg (when given a database URL) and then writes the event to every socket.
// Args: <ws port> <http port> [database url]. Prints "ready" when both listen.
import { createServer } from "node:http";
import pg from "pg";
import { WebSocketServer } from "ws";

const [wsPort, httpPort, databaseUrl] = process.argv.slice(2);
const sockets = new WebSocketServer({ host: "127.0.0.1", port: Number(wsPort) });
const pool = databaseUrl ? new pg.Pool({ connectionString: databaseUrl, max: 10 }) : null;
await pool?.query(
  `CREATE TABLE IF NOT EXISTS floor_message (
     id uuid PRIMARY KEY, thread_id uuid NOT NULL, content text NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now())`,
);

const http = createServer(async (request, response) => {
  let body = "";
  for await (const chunk of request) body += chunk;
  const { id, threadId, content } = JSON.parse(body) as Record<string, string>;
  await pool?.query("INSERT INTO floor_message (id, thread_id, content) VALUES ($1, $2, $3)", [
    id,
    threadId,
    content,
  ]);
  const frame = JSON.stringify({ id, content });
  for (const socket of sockets.clients) socket.send(frame);
  response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id }));
});
await new Promise<void>((resolve) => http.listen(Number(httpPort), "127.0.0.1", resolve));
console.log("ready");
