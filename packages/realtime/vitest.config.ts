import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Generous for a busy shared machine; every wait in the tests is for an actual event.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
