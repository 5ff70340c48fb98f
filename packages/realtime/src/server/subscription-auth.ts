import { z } from "zod";
import { channelSignature, userSignature, verifyAuth } from "./auth-signatures";
import {
  channelKind,
  isEncryptedChannel,
  isValidChannelName,
  userChannelOwner,
} from "./channel-names";
import type { PresenceMember } from "./channels";
import type { AppCredentials } from "./options";
import { parseData, type SigninData, type SubscribeData } from "./protocol";

/** What pusher-js hands to `pusher:subscription_error` listeners. */
export interface SubscriptionError {
  type: string;
  error: string;
  status: number;
}

export type SubscriptionVerdict = { member?: PresenceMember } | { refused: SubscriptionError };

const PresenceChannelData = z.object({
  // Pusher's examples use numbers too; the roster keys are strings either way.
  user_id: z.union([z.string().min(1), z.number()]).transform(String),
  user_info: z.unknown().optional(),
});

function authError(error: string): SubscriptionVerdict {
  return { refused: { type: "AuthError", error, status: 401 } };
}

/**
 * Decides a `pusher:subscribe`. Private and presence channels must carry the app's signature
 * of this socket id and channel (and, for presence, of the exact channel_data string).
 */
export function authorizeSubscription(
  app: AppCredentials,
  socketId: string,
  signedInUser: string | undefined,
  request: z.infer<typeof SubscribeData>,
): SubscriptionVerdict {
  const { channel, auth = "", channel_data: channelData } = request;
  if (!isValidChannelName(channel)) {
    const error = `Invalid channel name "${channel.slice(0, 200)}"`;
    return { refused: { type: "InvalidChannel", error, status: 400 } };
  }
  if (isEncryptedChannel(channel)) {
    const error = "Encrypted channels are not supported by the embedded server";
    return { refused: { type: "UnsupportedChannel", error, status: 400 } };
  }

  switch (channelKind(channel)) {
    case "public":
      return {};
    case "user":
      return signedInUser === userChannelOwner(channel)
        ? {}
        : authError("Only the signed-in user may subscribe to their own channel");
    case "private":
      return verifyAuth(app, auth, channelSignature(app.secret, socketId, channel))
        ? {}
        : authError(`Invalid signature for ${channel}`);
    case "presence": {
      if (channelData === undefined) return authError("Presence channels need channel_data");
      const signature = channelSignature(app.secret, socketId, channel, channelData);
      if (!verifyAuth(app, auth, signature)) return authError(`Invalid signature for ${channel}`);
      const member = parseData(PresenceChannelData, channelData);
      if (!member) return authError("channel_data must be JSON {user_id, user_info?}");
      return { member: { id: member.user_id, info: member.user_info } };
    }
  }
}

const UserData = z.object({ id: z.string().min(1) });

/** Decides a `pusher:signin`: the signed-in user id, or undefined when refused. */
export function authenticateUser(
  app: AppCredentials,
  socketId: string,
  request: z.infer<typeof SigninData>,
): string | undefined {
  const signature = userSignature(app.secret, socketId, request.user_data);
  if (!verifyAuth(app, request.auth, signature)) return undefined;
  return parseData(UserData, request.user_data)?.id;
}
