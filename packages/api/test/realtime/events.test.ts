import {
  parseEvent,
  presenceThreadChannel,
  threadChannel,
  userChannel,
  type EventName,
} from "@spool/realtime/contract";
import { describe, expect, it } from "vitest";
import { useApi, type TestUser } from "../support/harness";
import { useRealtime } from "./stack";

interface Fixture {
  ann: TestUser;
  ben: TestUser;
  cat: TestUser;
  /** Never a member. */
  olga: TestUser;
  threadId: string;
  messageId: string;
}

interface Scenario {
  event: EventName;
  /** The channel Ben listens on; Olga is refused it. */
  channel(f: Fixture): string;
  /** What Ann does that Ben should hear about. */
  act(f: Fixture): Promise<unknown>;
}

const onThread = (f: Fixture) => threadChannel(f.threadId, 0);

const scenarios: Scenario[] = [
  {
    event: "message.created",
    channel: onThread,
    act: (f) => f.ann.api.message.send({ threadId: f.threadId, content: "new" }),
  },
  {
    event: "message.created",
    channel: (f) => userChannel(f.ben.id),
    act: (f) => f.ann.api.message.send({ threadId: f.threadId, content: "for the list" }),
  },
  {
    event: "message.edited",
    channel: onThread,
    act: (f) => f.ann.api.message.edit({ messageId: f.messageId, content: "edited" }),
  },
  {
    event: "message.deleted",
    channel: onThread,
    act: (f) => f.ann.api.message.delete({ messageId: f.messageId }),
  },
  {
    event: "reaction.changed",
    channel: onThread,
    act: (f) => f.ann.api.reaction.add({ messageId: f.messageId, emoji: "🚀" }),
  },
  {
    event: "typing",
    channel: onThread,
    act: (f) => f.ann.api.typing.notify({ threadId: f.threadId }),
  },
  {
    event: "read-receipt",
    channel: onThread,
    act: (f) => f.ann.api.receipt.markRead({ threadId: f.threadId, sequence: 1 }),
  },
  {
    event: "member.added",
    channel: onThread,
    act: (f) => f.ann.api.member.add({ threadId: f.threadId, userIds: [f.olga.id] }),
  },
  {
    event: "member.added",
    channel: (f) => userChannel(f.ben.id),
    act: async (f) => {
      const { thread } = await f.ann.api.thread.create({
        kind: "group",
        topic: "Later",
        memberIds: [],
      });
      await f.ann.api.member.add({ threadId: thread.id, userIds: [f.ben.id] });
    },
  },
  {
    event: "member.removed",
    channel: onThread,
    act: (f) => f.ann.api.member.remove({ threadId: f.threadId, userId: f.cat.id }),
  },
  {
    event: "thread.created",
    channel: (f) => userChannel(f.ben.id),
    act: (f) => f.ann.api.thread.create({ kind: "direct", userId: f.ben.id }),
  },
  {
    event: "thread.updated",
    channel: onThread,
    act: (f) => f.ann.api.thread.updateTopic({ threadId: f.threadId, topic: "Renamed" }),
  },
  {
    event: "thread.deleted",
    channel: onThread,
    act: (f) => f.ann.api.thread.delete({ threadId: f.threadId }),
  },
];

describe("realtime events through pusher-js, the pusher SDK and the embedded server", () => {
  const api = useApi("pglite");
  const realtime = useRealtime(api);

  async function fixture(): Promise<Fixture> {
    const [ann, ben, cat, olga] = await api.users(4, "Live");
    const { thread } = await ann.api.thread.create({
      kind: "group",
      topic: "Live",
      memberIds: [ben.id, cat.id],
    });
    const message = await ann.api.message.send({ threadId: thread.id, content: "first" });
    await realtime.publisher.idle();
    return { ann, ben, cat, olga, threadId: thread.id, messageId: message.id };
  }

  it.each(scenarios.map((s) => [s.event, s] as const))(
    "%s reaches an authorised subscriber, and an outsider cannot subscribe",
    async (_name, scenario) => {
      const f = await fixture();
      const channelName = scenario.channel(f);
      const ben = await realtime.connect(f.ben);
      const olga = await realtime.connect(f.olga);

      const channel = await realtime.subscribe(ben, channelName);
      await expect(realtime.subscribe(olga, channelName)).rejects.toMatchObject({ status: 403 });
      const heard = realtime.next(channel, scenario.event);
      await scenario.act(f);

      const data = parseEvent(scenario.event, await heard);
      expect("threadId" in data && typeof data.threadId).toBe("string");
      expect(data.sequence).toBeGreaterThanOrEqual(0);
    },
  );

  it("lets members into the thread's presence channel with their names, and nobody else", async () => {
    const f = await fixture();
    const ben = await realtime.connect(f.ben);
    const olga = await realtime.connect(f.olga);
    const channelName = presenceThreadChannel(f.threadId, 0);

    const presence = (await realtime.subscribe(ben, channelName)) as unknown as {
      members: { me: { id: string; info: { name: string } } };
    };

    expect(presence.members.me).toEqual({ id: f.ben.id, info: { name: f.ben.name } });
    await expect(realtime.subscribe(olga, channelName)).rejects.toMatchObject({ status: 403 });
  });

  it("leaves the sender's own socket out of its change", async () => {
    const f = await fixture();
    const annClient = await realtime.connect(f.ann);
    const benClient = await realtime.connect(f.ben);
    const annChannel = await realtime.subscribe(annClient, onThread(f));
    const benChannel = await realtime.subscribe(benClient, onThread(f));
    let annHeard = 0;
    annChannel.bind("message.created", () => annHeard++);

    const benHears = realtime.next(benChannel, "message.created");
    const annOnThisSocket = api.as(f.ann.id, ["chat"], annClient.connection.socket_id);
    await annOnThisSocket.message.send({ threadId: f.threadId, content: "mine" });
    await benHears;
    await realtime.publisher.idle();

    expect(annHeard).toBe(0);
  });

  it("cuts a removed member off: no new subscription, and nothing more on the old one", async () => {
    const f = await fixture();
    const benClient = await realtime.connect(f.ben);
    const catClient = await realtime.connect(f.cat);
    const benOld = await realtime.subscribe(benClient, onThread(f));
    const catOld = await realtime.subscribe(catClient, onThread(f));
    let catHeard = 0;
    catOld.bind("message.created", () => catHeard++);

    const catLearns = realtime.next<{ channelEpoch: number }>(catOld, "member.removed");
    const benLearns = realtime.next<{ channelEpoch: number }>(benOld, "member.removed");
    await f.ann.api.member.remove({ threadId: f.threadId, userId: f.cat.id });
    expect((await catLearns).channelEpoch).toBe(1);
    expect((await benLearns).channelEpoch).toBe(1);

    // Ben follows the thread to the new epoch; what is said there never reaches Cat.
    const benNew = await realtime.subscribe(benClient, threadChannel(f.threadId, 1));
    const benHears = realtime.next(benNew, "message.created");
    await f.ann.api.message.send({ threadId: f.threadId, content: "after cat left" });
    await benHears;
    await realtime.publisher.idle();
    expect(catHeard).toBe(0);

    // Nor can Cat subscribe again, to the new channel or, say after a reconnect, the old one.
    const catNew = realtime.subscribe(catClient, threadChannel(f.threadId, 1));
    await expect(catNew).rejects.toMatchObject({ status: 403 });
    catClient.unsubscribe(onThread(f));
    const catAgain = realtime.subscribe(catClient, threadChannel(f.threadId, 0));
    await expect(catAgain).rejects.toMatchObject({ status: 403 });
  });
});
