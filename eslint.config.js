// One flat config for the whole monorepo; each workspace runs `eslint .` against it.
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/.next/**",
      "**/.turbo/**",
      "**/dist/**",
      "**/generated/**",
      "**/next-env.d.ts",
      "**/playwright-report/**",
      "**/test-results/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": [
        "error",
        { fixStyle: "inline-type-imports", prefer: "type-imports" },
      ],
      // Configuration is read once, validated, in @spool/env.
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Import { env } from '@spool/env'." },
      ],
    },
  },
  {
    // Tooling that runs before or around the app reads its own variables.
    files: [
      "**/*.config.{js,ts,mjs}",
      "**/scripts/**",
      "examples/**",
      ".ci/**",
      "**/test/**",
      "e2e/**",
      "bench/**",
    ],
    rules: { "no-restricted-properties": "off" },
  },
  {
    files: ["apps/web/**/*.{ts,tsx}"],
    plugins: { "@next/next": nextPlugin },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
    },
  },
);
