import { ChannelRegistry, type Subscriber } from "./channels";
import type { AppCredentials } from "./options";

/** One app's live state: its channels, and its connections by socket id. */
export interface AppState {
  credentials: AppCredentials;
  channels: ChannelRegistry;
  /** So that an HTTP publish can leave out the connection that caused it. */
  sockets: Map<string, Subscriber>;
}

/** The apps this server serves: WebSocket clients name them by key, the HTTP API by id. */
export class AppDirectory {
  private readonly byKey = new Map<string, AppState>();
  private readonly byId = new Map<string, AppState>();

  constructor(apps: AppCredentials[]) {
    for (const credentials of apps) {
      const state = { credentials, channels: new ChannelRegistry(), sockets: new Map() };
      this.byKey.set(credentials.key, state);
      this.byId.set(credentials.id, state);
    }
  }

  findByKey(key: string): AppState | undefined {
    return this.byKey.get(key);
  }

  findById(id: string): AppState | undefined {
    return this.byId.get(id);
  }

  channelCount(): number {
    let count = 0;
    for (const app of this.byId.values()) count += app.channels.size;
    return count;
  }
}
