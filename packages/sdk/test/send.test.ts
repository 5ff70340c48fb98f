import { defaultRatePolicies } from "@spool/api";
import { describe, expect, it } from "vitest";
import { useSpool } from "./support/use-spool";

const ctx = useSpool({
  // Three sends per two seconds, so that a rate limit is quick to reach and to outwait.
  ratePolicies: {
    ...defaultRatePolicies,
    sendMessage: { ...defaultRatePolicies.sendMessage, points: 3, seconds: 2 },
  },
});

const fast = { attempts: 5, baseDelayMs: 10, maxDelayMs: 50 };

async function texts(thread: { messages(): AsyncIterable<{ type: string; content: string }> }) {
  const found: string[] = [];
  for await (const entry of thread.messages()) if (entry.type === "text") found.push(entry.content);
  return found.reverse(); // history comes newest first
}

describe("send, exactly once", () => {
  it("retries an answer lost after the server stored the message, and stores it once", async () => {
    const sam = await ctx.users.user("Sam", { retry: fast });
    const thread = sam.client.thread((await sam.client.createThread()).id);
    const before = ctx.spool.faults.requests("message.send");
    ctx.spool.faults.dropAnswer("message.send");
    const message = await thread.send("only once");
    expect(ctx.spool.faults.requests("message.send") - before).toBe(2);
    expect(message.content).toBe("only once");
    expect(await texts(thread)).toEqual(["only once"]);
  });

  it("retries 5xx answers with backoff and the same message", async () => {
    const tia = await ctx.users.user("Tia", { retry: fast });
    const thread = tia.client.thread((await tia.client.createThread()).id);
    ctx.spool.faults.failBefore("message.send", 2);
    ctx.spool.faults.dropAnswer("message.send", 1);
    const message = await thread.send("through the storm");
    expect(await texts(thread)).toEqual(["through the storm"]);
    expect(message.clientMessageId).toMatch(/^[\w-]+$/);
  });

  it("gives up after its tries with a SpoolError, and a later send goes through", async () => {
    const ugo = await ctx.users.user("Ugo", { retry: { ...fast, attempts: 2 } });
    const thread = ugo.client.thread((await ugo.client.createThread()).id);
    ctx.spool.faults.failBefore("message.send", 2);
    await expect(thread.send("lost")).rejects.toMatchObject({ code: "HTTP_ERROR", status: 502 });
    await thread.send("kept");
    expect(await texts(thread)).toEqual(["kept"]);
  });

  it("waits out a rate limit as the server says, sending each message once", async () => {
    const val = await ctx.users.user("Val");
    const thread = val.client.thread((await val.client.createThread()).id);
    const contents = ["1", "2", "3", "4", "5"];
    for (const content of contents) await thread.send(content);
    expect(await texts(thread)).toEqual(contents);
  });

  it("surfaces the rate limit of a call that is not safe to repeat (a new group)", async () => {
    const wes = await ctx.users.user("Wes");
    const refusals = [];
    for (let i = 0; i < 12; i++) {
      refusals.push(
        await wes.client.createThread().then(
          () => null,
          (e: unknown) => e,
        ),
      );
    }
    const refusal = refusals.find((r) => r !== null);
    expect(refusal).toMatchObject({ code: "RATE_LIMITED", status: 429 });
    expect(refusal).toHaveProperty("retryAfterMs", expect.any(Number));
  });
});
