import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // PGlite and the schema engine take a few seconds to start on a busy machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
