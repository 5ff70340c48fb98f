// Bundles Spool's own server (src/server/http/main.ts) for `npm start`, after `next build`,
// and the embedded realtime server's process beside it, which then runs without tsx.
// The workspace packages and the app's own modules are TypeScript, so they are bundled;
// every other package is loaded from node_modules at run time, as Next.js loads them.
import { createRequire } from "node:module";
import { build } from "esbuild";

const realtimeProcess = createRequire(import.meta.url).resolve("@spool/realtime/server-process");

const bundled = /^(@\/|@spool\/|\.{1,2}\/|\/)/;

await build({
  entryPoints: { main: "src/server/http/main.ts", "realtime-process": realtimeProcess },
  outdir: ".next/spool-server",
  outExtension: { ".js": ".mjs" },
  bundle: true,
  // main.ts imports what needs Next.js prepared only once it is: a chunk of its own.
  splitting: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // What Next.js resolves server code with: `server-only` is then the empty module it is there.
  conditions: ["react-server"],
  logLevel: "warning",
  plugins: [
    {
      name: "packages-from-node-modules",
      setup(builder) {
        builder.onResolve({ filter: /.*/ }, async ({ path, kind, resolveDir, pluginData }) => {
          if (kind === "entry-point" || bundled.test(path) || pluginData?.external) return;
          // By file, found from the importing module: a workspace package may have its own
          // version of a package, and Node's ESM loader needs the file where a package (Next.js)
          // maps no subpaths.
          const found = await builder.resolve(path, {
            kind,
            resolveDir,
            pluginData: { external: true },
          });
          return found.errors.length > 0 ? undefined : { path: found.path, external: true };
        });
      },
    },
  ],
});
