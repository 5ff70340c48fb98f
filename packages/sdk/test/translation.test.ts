import { describe, expect, it } from "vitest";
import { SpoolError } from "../src";
import { useSpool } from "./support/use-spool";

// The test server has no translation provider, as a deployment without one: the settings
// still work, and translating says why it cannot.
const ctx = useSpool();

describe("translation", () => {
  it("keeps the user's language and auto-translate, and a thread's own override", async () => {
    const ines = await ctx.users.user("Ines");
    expect(await ines.client.updatePreferences({ language: "es", autoTranslate: true })).toEqual({
      language: "es",
      autoTranslate: true,
    });
    expect(await ines.client.me()).toMatchObject({ language: "es", autoTranslate: true });

    const thread = ines.client.thread((await ines.client.createThread({ topic: "Hola" })).id);
    expect(await thread.setAutoTranslate(false)).toEqual({
      threadId: thread.id,
      autoTranslate: false,
    });
    expect(await thread.preferences()).toMatchObject({ autoTranslate: false });
  });

  it("offers no languages and refuses a translation with a stable code when no provider is set", async () => {
    const jon = await ctx.users.user("Jon");
    expect(await jon.client.languages()).toMatchObject({ provider: null, languages: [] });

    const thread = jon.client.thread((await jon.client.createThread({ topic: "Hi" })).id);
    const message = await thread.send("Where is the report?");
    const refused = await thread.translate(message.id, "es").catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SpoolError);
    expect(refused).toMatchObject({ code: "TRANSLATION_UNAVAILABLE" });
  });
});
