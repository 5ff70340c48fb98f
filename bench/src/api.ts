// Spool's API on the wire, as any HTTP client sees it: tRPC over HTTP with superjson bodies.
import pLimit from "p-limit";
import { httpRequest, type HttpAnswer } from "./http";

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export interface User {
  id: string;
  token: string;
}

export class Api {
  constructor(
    readonly url: string,
    private readonly authorization: string,
  ) {}

  static asUser(url: string, user: User) {
    return new Api(url, `Bearer ${user.token}`);
  }

  async mutation<T>(procedure: string, input: unknown): Promise<T> {
    return this.answer<T>(
      await httpRequest(`${this.url}/api/trpc/${procedure}`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: this.authorization },
        body: JSON.stringify({ json: input }),
      }),
    );
  }

  async query<T>(procedure: string, input: unknown): Promise<T> {
    const encoded = encodeURIComponent(JSON.stringify({ json: input }));
    return this.answer<T>(
      await httpRequest(`${this.url}/api/trpc/${procedure}?input=${encoded}`, {
        headers: { authorization: this.authorization },
      }),
    );
  }

  private answer<T>(response: HttpAnswer): T {
    const body = JSON.parse(response.body) as {
      result?: { data: { json: T } };
      error?: { json: { message: string } };
    };
    if (response.status !== 200 || !body.result) {
      throw new ApiError(body.error?.json.message ?? `HTTP ${response.status}`, response.status);
    }
    return body.result.data.json;
  }
}

/** Users made through `identity.*` with the access key, each with a bearer token. */
export async function createUsers(url: string, accessKey: string, count: number, label: string) {
  const service = new Api(url, `AccessKey ${accessKey}`);
  const limit = pLimit(8);
  return Promise.all(
    Array.from({ length: count }, (_, index) =>
      limit(async (): Promise<User> => {
        const user = await service.mutation<{ id: string }>("identity.createUser", {
          name: `${label} ${index}`,
        });
        const { token } = await service.mutation<{ token: string }>("identity.issueToken", {
          userId: user.id,
        });
        return { id: user.id, token };
      }),
    ),
  );
}

export interface Thread {
  id: string;
  channelEpoch: number;
}

export async function createGroup(api: Api, memberIds: string[], topic = "bench"): Promise<Thread> {
  const { thread } = await api.mutation<{ thread: Thread }>("thread.create", {
    kind: "group",
    topic,
    memberIds,
  });
  return thread;
}
