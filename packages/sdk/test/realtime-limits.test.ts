import { describe, expect, it } from "vitest";
import { SpoolError } from "../src";
import { record } from "./support/recorder";
import { useSpool } from "./support/use-spool";

// Room on one connection for the user's own channel and two threads.
const ctx = useSpool({ realtime: { maxSubscriptionsPerConnection: 3 } });

describe("realtime beyond the server's channels per connection", () => {
  it("says which thread gets no live events, and keeps the others live", async () => {
    const kim = await ctx.users.user("Kim");
    const lee = await ctx.users.user("Lee");
    const threads = [];
    for (const topic of ["one", "two", "three"]) {
      threads.push(await kim.client.createThread({ topic, memberIds: [lee.id] }));
    }
    const seen = record(lee.client);
    await lee.client.connect();
    await seen.until(() => seen.errors.length === 1, "the refusal");

    const error = seen.errors[0] as SpoolError;
    expect(error).toBeInstanceOf(SpoolError);
    expect(error).toMatchObject({ code: "REALTIME_REFUSED", status: 400 });
    expect(error.message).toMatch(/at most 3 channels/);
    const refused = threads.filter((thread) => error.message.includes(thread.id));
    expect(refused).toHaveLength(1);

    for (const thread of threads) await kim.client.thread(thread.id).send(`in ${thread.topic}`);
    await seen.until(() => seen.created().length === 2, "the live threads' messages");
    // The refused thread has no channel on this connection: its message cannot come.
    const live = threads.filter((thread) => thread !== refused[0]);
    expect(seen.created().sort()).toEqual(live.map((thread) => `in ${thread.topic}`).sort());
    expect(seen.errors).toHaveLength(1);
  });
});
