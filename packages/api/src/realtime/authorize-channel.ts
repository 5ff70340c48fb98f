import { parseChannel } from "@spool/realtime/contract";
import type Pusher from "pusher";
import type { UserActor } from "../actor";
import type { ServiceDeps } from "../deps";
import { DomainError } from "../errors";
import { requireMember } from "../services/membership";

export interface ChannelAuthorization {
  auth: string;
  channel_data?: string;
}

/**
 * Signs a subscription for pusher-js, checked on every subscribe: a thread's channels only for
 * its current members, a user's channel only for that user. A removed member is refused the
 * moment the removal commits.
 */
export async function authorizeChannel(
  deps: ServiceDeps,
  pusher: Pusher,
  actor: UserActor,
  input: { socketId: string; channelName: string },
): Promise<ChannelAuthorization> {
  const { socketId, channelName } = input;
  const channel = parseChannel(channelName);
  const refuse = () =>
    new DomainError("CHANNEL_FORBIDDEN", `You may not subscribe to ${channelName}.`);
  if (!channel) throw refuse();
  if (channel.kind === "user") {
    if (channel.userId !== actor.userId) throw refuse();
    return pusher.authorizeChannel(socketId, channelName);
  }
  const member = await requireMember(deps.db, channel.threadId, actor.userId).catch(() => {
    throw refuse();
  });
  // An old epoch's channel is one a removed member may still be asking for.
  if (channel.epoch !== member.thread.channelEpoch) throw refuse();
  if (channel.kind === "thread") return pusher.authorizeChannel(socketId, channelName);
  const user = await deps.db.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { name: true },
  });
  return pusher.authorizeChannel(socketId, channelName, {
    user_id: actor.userId,
    user_info: { name: user.name },
  });
}
