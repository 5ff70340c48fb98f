import "server-only";
import type { ChangeOrigin, ChangeSink, ThreadChange } from "@spool/api";
import { after } from "next/server";

interface Publisher {
  /** Settles once the change has been sent or has failed; never rejects. */
  publish(change: ThreadChange, origin: ChangeOrigin): Promise<void>;
}

/**
 * The services' change sink for a Next.js server: each publish is handed to `after()`, so the
 * request lives until it has gone out. On Vercel a function may otherwise be frozen as soon
 * as the response is sent, with its publishes still queued. The caller's action neither
 * waits for nor fails by a publish: `after()` only holds the request open once it has answered.
 */
export function publishAfterResponse(
  publisher: Publisher,
  keepAlive: (task: Promise<void>) => void = after,
): ChangeSink {
  return {
    publish(change, origin) {
      const delivery = publisher.publish(change, origin);
      try {
        keepAlive(delivery);
      } catch {
        // Outside a request (start-up, a script) there is no response to outlive: the
        // delivery goes out on its own, as it would anyway.
      }
    },
  };
}
