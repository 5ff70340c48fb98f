import { defineConfig } from "tsdown";

// Two builds of one source. `index.js` for bundlers and Node 20+: pusher-js stays a dependency
// (its package picks its own browser or Node build), everything else is bundled in, so the
// workspace packages it is made from need not be published. `browser.js` for a page with no
// bundler: pusher-js's browser build included, minified. One .d.ts for both, standing alone.
export default defineConfig([
  {
    entry: { index: "src/index.ts" },
    format: "esm",
    platform: "neutral",
    target: "es2022",
    dts: { tsconfig: "tsconfig.build.json" },
    // Types only: the public types are generated into src/api-types.ts, so no declaration of
    // the router (nor Prisma's behind it) needs to come along.
    deps: { neverBundle: ["@spool/api"] },
    sourcemap: true,
  },
  {
    entry: { browser: "src/index.ts" },
    format: "esm",
    platform: "browser",
    target: "es2022",
    deps: { alwaysBundle: ["pusher-js"] },
    dts: false,
    minify: true,
    sourcemap: true,
  },
]);
