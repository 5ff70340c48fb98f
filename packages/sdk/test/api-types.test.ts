import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { generateTypes, typesFile } from "../scripts/generate-types";

it("src/api-types.ts matches the router and the contract (else: npm run generate:types)", async () => {
  expect(readFileSync(typesFile, "utf8")).toBe(await generateTypes());
});
