import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";
import { crossChecks, serverSchema } from "./schema";

/** Thrown at start-up when a variable is invalid; the message names each one and what it takes. */
export class EnvError extends Error {
  override name = "EnvError";
}

export function createSpoolEnv(runtimeEnv: Record<string, string | undefined>) {
  return createEnv({
    server: serverSchema,
    runtimeEnv,
    emptyStringAsUndefined: true,
    isServer: true,
    createFinalSchema: (shape) => z.object(shape).superRefine(crossChecks),
    onValidationError(issues) {
      const lines = issues.map((issue) => {
        const name = issue.path?.map((part) => (typeof part === "object" ? part.key : part));
        return `  ${name?.join(".") ?? "(env)"}: ${issue.message}`;
      });
      throw new EnvError(`Invalid environment variables:\n${lines.join("\n")}\nSee .env.example.`);
    },
  });
}

export type SpoolEnv = ReturnType<typeof createSpoolEnv>;
