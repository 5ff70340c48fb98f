import type { ChannelAuthorizationHandler } from "pusher-js";
import type { TokenSource } from "../token-source";

/**
 * Signs pusher-js's subscriptions at Spool's auth endpoint with the user's token (pusher-js's
 * own ajax transport cannot refresh one): a 401 gets one more try with a fresh token.
 */
export function channelAuthorizer(
  endpoint: string,
  tokens: TokenSource,
  fetchImpl: typeof fetch = fetch,
): ChannelAuthorizationHandler {
  const ask = async (body: URLSearchParams, token: string) =>
    fetchImpl(endpoint, {
      method: "POST",
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body,
    });
  return ({ socketId, channelName }, callback) => {
    const body = new URLSearchParams({ socket_id: socketId, channel_name: channelName });
    void (async () => {
      let response = await ask(body, await tokens.get());
      if (response.status === 401 && tokens.refreshable) {
        response = await ask(body, await tokens.refresh());
      }
      if (!response.ok) throw new Error(`${channelName}: refused with ${response.status}`);
      return (await response.json()) as { auth: string; channel_data?: string };
    })().then(
      (data) => callback(null, data),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    );
  };
}
