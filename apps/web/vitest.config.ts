import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const serverOnlyDir = dirname(createRequire(import.meta.url).resolve("server-only"));

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./src", import.meta.url)),
      // Server modules are marked server-only; the tests run on the server side as well, which
      // is what the package's react-server build (an empty module) stands for.
      "server-only": join(serverOnlyDir, "empty.js"),
    },
  },
  test: {
    include: ["test/**/*.test.ts"],
    // Opening an embedded database takes seconds on a busy machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
