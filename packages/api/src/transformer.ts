import superjson from "superjson";
import { DomainError } from "./errors";
import { limits } from "./limits";

/**
 * superjson, with a guard on what clients send: superjson walks its `meta` recursively, so
 * input nested deep enough would overflow the stack ("Maximum call stack size exceeded").
 */
export const transformer = {
  input: {
    serialize: (value: unknown) => superjson.serialize(value),
    deserialize: (value: unknown) => {
      refuseDeepNesting(value);
      try {
        return superjson.deserialize(value as Parameters<typeof superjson.deserialize>[0]);
      } catch (error) {
        throw new DomainError(
          "INVALID_INPUT",
          `input must be superjson, {"json": …, "meta": …}: ${(error as Error).message}`,
        );
      }
    },
  },
  output: superjson,
};

/** Iterative, so that measuring the depth cannot itself overflow the stack. */
function refuseDeepNesting(value: unknown): void {
  const pending: [unknown, number][] = [[value, 1]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [node, depth] = next;
    if (typeof node !== "object" || node === null) continue;
    if (depth > limits.inputDepth) {
      throw new DomainError(
        "INVALID_INPUT",
        `input is nested too deep: at most ${limits.inputDepth} levels of objects and arrays, ` +
          "the superjson envelope included",
      );
    }
    for (const child of Object.values(node)) pending.push([child, depth + 1]);
  }
}
