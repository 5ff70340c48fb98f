// What the SDK costs a browser app: a page that connects, sends and receives, bundled from
// the built package (`npm run build` first) the way an app's bundler would, minified, gzipped.
//
//   npm run size --workspace=@spool/sdk
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const app = `
import { SpoolClient } from "@spool/sdk";
const client = new SpoolClient({ url: location.origin, token: () => fetch("/token").then((r) => r.json()) });
client.on("message.created", ({ message }) => document.body.append(message.content));
await client.connect();
await client.thread(new URLSearchParams(location.search).get("thread") ?? "").send("hello");
`;

// The floor: pusher-js alone, which any Pusher-protocol client carries.
const floor = `import Pusher from "pusher-js"; new Pusher("key", { cluster: "local" }).subscribe("a");`;

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
async function size(contents: string): Promise<string> {
  const result = await build({
    stdin: { contents, loader: "ts", resolveDir: process.cwd() },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
  });
  const code = result.outputFiles[0]!.contents;
  return `${kib(code.length)} minified, ${kib(gzipSync(code).length)} gzipped`;
}

console.log(`a browser app that sends and receives: ${await size(app)}`);
console.log(`of which pusher-js alone would be:     ${await size(floor)}`);
