import "server-only";
import { describeError } from "./describe-error";
import { realtimeEndpoint, type RealtimeEndpoint } from "./realtime-endpoint";

export type RealtimeHealth = RealtimeEndpoint &
  ({ reachable: true; httpStatus: number } | { reachable: false; error: string });

const TIMEOUT_MS = 1_500;

/** Any HTTP answer from the endpoint counts as reachable: the probe tests the network path. */
export async function checkRealtime(endpoint = realtimeEndpoint()): Promise<RealtimeHealth> {
  try {
    const response = await fetch(endpoint.url, {
      cache: "no-store",
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await response.body?.cancel();
    return { ...endpoint, reachable: true, httpStatus: response.status };
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === "TimeoutError";
    const reason = timedOut ? `no answer within ${TIMEOUT_MS} ms` : describeError(error);
    return { ...endpoint, reachable: false, error: reason };
  }
}
