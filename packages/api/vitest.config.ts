import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Each file opens its own PGlite (a couple of seconds on a busy machine).
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
