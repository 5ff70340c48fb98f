// Run in a process of its own by flood.test.ts: sockets that send nothing but invalid frames,
// as fast as the server takes them. Reports how many refusals came back once all have.
import { WebSocket } from "ws";

const [port, key, sockets, framesPerSocket] = process.argv.slice(2);
// Unterminated: JSON.parse reads all of it before it fails.
const garbage = `{"event": "${"x".repeat(8192)}`;

async function flood(): Promise<number> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/app/${key}?protocol=7&client=js`);
  let refusals = 0;
  await new Promise<void>((resolve, reject) => {
    ws.on("error", reject);
    ws.on("message", (data) => {
      const frame = JSON.parse(String(data)) as { event: string };
      if (frame.event === "pusher:connection_established") {
        for (let n = 0; n < Number(framesPerSocket); n += 1) ws.send(garbage);
      } else if (frame.event === "pusher:error" && ++refusals === Number(framesPerSocket)) {
        resolve();
      }
    });
  });
  ws.close();
  return refusals;
}

const counts = await Promise.all(Array.from({ length: Number(sockets) }, flood));
process.send?.({ refusals: counts.reduce((sum, count) => sum + count, 0) });
