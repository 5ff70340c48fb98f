import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // A timeout is for a test that hangs, never for a slow one: every wait in the tests is for
    // an actual event, and a loaded 2-core machine can take minutes over a server's start.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
