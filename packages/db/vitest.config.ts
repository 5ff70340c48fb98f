import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // PGlite and the schema engine take a few seconds to start, and minutes on a loaded machine
    // running the whole suite: a timeout is for a test that hangs, never for a slow one.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
