import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/build.ts"],
    // Each file opens an embedded database and servers of its own: seconds, and minutes on a
    // loaded machine. A timeout is for a test that hangs, never for a slow one.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
