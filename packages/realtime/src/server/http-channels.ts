import type { AppState } from "./apps";
import { channelKind, isValidChannelName } from "./channel-names";
import { HttpError } from "./http-error";

const ATTRIBUTES = new Set(["subscription_count", "user_count"]);

/** The attributes named by an `info` parameter (`user_count,subscription_count`). */
export function requestedInfo(info: string | null | undefined): Set<string> {
  const wanted = new Set((info ?? "").split(",").filter(Boolean));
  for (const attribute of wanted) {
    if (!ATTRIBUTES.has(attribute)) {
      throw new HttpError(400, `Unknown info attribute ${attribute}; use ${[...ATTRIBUTES]}`);
    }
  }
  return wanted;
}

/** The counts asked for; user_count exists only on presence channels. */
export function channelAttributes(app: AppState, name: string, wanted: Set<string>) {
  const counts = app.channels.counts(name);
  const presence = channelKind(name) === "presence";
  return {
    subscription_count: wanted.has("subscription_count") ? (counts?.subscriptions ?? 0) : undefined,
    user_count: wanted.has("user_count") && presence ? (counts?.users ?? 0) : undefined,
  };
}

function checkedName(name: string): string {
  if (!isValidChannelName(name)) throw new HttpError(400, `Invalid channel name`);
  return name;
}

/** `GET /apps/{id}/channels?filter_by_prefix=&info=`: the occupied channels. */
export function listChannels(app: AppState, query: URLSearchParams) {
  const prefix = query.get("filter_by_prefix") ?? "";
  const wanted = requestedInfo(query.get("info"));
  if (wanted.has("user_count") && !prefix.startsWith("presence-")) {
    throw new HttpError(400, "info=user_count needs filter_by_prefix=presence-");
  }
  const names = app.channels.names(prefix);
  return {
    channels: Object.fromEntries(names.map((name) => [name, channelAttributes(app, name, wanted)])),
  };
}

/** `GET /apps/{id}/channels/{name}`: always the counts, and user_count on presence channels. */
export function describeChannel(app: AppState, name: string, query: URLSearchParams) {
  const presence = channelKind(checkedName(name)) === "presence";
  if (requestedInfo(query.get("info")).has("user_count") && !presence) {
    throw new HttpError(400, "user_count is only available for presence channels");
  }
  const counts = app.channels.counts(name);
  return {
    occupied: counts !== undefined,
    subscription_count: counts?.subscriptions ?? 0,
    user_count: presence ? (counts?.users ?? 0) : undefined,
  };
}

/** `GET /apps/{id}/channels/{name}/users`: the members of a presence channel. */
export function listUsers(app: AppState, name: string) {
  if (channelKind(checkedName(name)) !== "presence") {
    throw new HttpError(400, "Users can only be listed for presence channels");
  }
  return { users: app.channels.roster(name).ids.map((id) => ({ id })) };
}
