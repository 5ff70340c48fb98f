import { afterAll, afterEach, beforeAll } from "vitest";
import { startSpool, type SpoolOptions, type SpoolServer } from "./spool-server";
import { usersOf } from "./users";

/**
 * A Spool of the test file's own, started before its tests and closed after them; every
 * client made through `users` is disconnected after each test.
 */
export function useSpool(options: SpoolOptions = {}) {
  const context = {} as { spool: SpoolServer; users: ReturnType<typeof usersOf> };
  beforeAll(async () => {
    context.spool = await startSpool(options);
    context.users = usersOf(context.spool);
  });
  afterEach(() => context.users?.disconnectAll());
  afterAll(() => context.spool?.close());
  return context;
}
