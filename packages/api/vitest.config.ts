import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Each file opens its own PGlite: a couple of seconds, and minutes on a loaded machine
    // running the whole suite. A timeout is for a test that hangs, never for a slow one.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
