// Spool's embedded realtime server on its own, with a known app, so the bench can publish to it
// with the `pusher` SDK as to Soketi. Args: <port> <app id> <key> <secret>. Prints "ready".
import { startRealtimeServer } from "@spool/realtime/server";

const [port, id, key, secret] = process.argv.slice(2);
await startRealtimeServer({ port: Number(port), apps: [{ id: id!, key: key!, secret: secret! }] });
console.log("ready");
