import { describe, expect, it } from "vitest";
import { EnvError, createSpoolEnv } from "../src/create-env";

const failure = (vars: Record<string, string>) => {
  try {
    createSpoolEnv(vars);
  } catch (error) {
    return error;
  }
  throw new Error("expected the environment to be refused");
};

describe("environment validation", () => {
  it("runs on the embedded defaults with nothing set", () => {
    const env = createSpoolEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.DATABASE_POOL_SIZE).toBe(10);
    expect(env.SPOOL_REALTIME_PORT).toBe(6001);
    expect(env.NODE_ENV).toBe("development");
  });

  it("treats an empty value as unset, as a copied .env.example leaves many", () => {
    expect(createSpoolEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it("accepts a PostgreSQL URL and coerces numbers and flags", () => {
    const env = createSpoolEnv({
      DATABASE_URL: "postgresql://spool:secret@db.internal:5432/spool",
      DATABASE_POOL_SIZE: "25",
      PUSHER_USE_TLS: "true",
    });
    expect(env.DATABASE_URL).toBe("postgresql://spool:secret@db.internal:5432/spool");
    expect(env.DATABASE_POOL_SIZE).toBe(25);
    expect(env.PUSHER_USE_TLS).toBe(true);
  });

  it("names every bad variable and says what it takes", () => {
    const error = failure({
      DATABASE_URL: "mysql://root@localhost/spool",
      DATABASE_POOL_SIZE: "0",
      SPOOL_REALTIME_PORT: "seventy",
    });

    expect(error).toBeInstanceOf(EnvError);
    const message = (error as EnvError).message;
    expect(message).toContain("DATABASE_URL: must be a PostgreSQL URL");
    expect(message).toContain("DATABASE_POOL_SIZE: must be a whole number from 1 to 100");
    expect(message).toContain("SPOOL_REALTIME_PORT: must be a port number from 1 to 65535");
    expect(message).not.toContain("mysql://root");
  });

  it("takes a Redis URL for shared rate limits and a count of trusted proxies", () => {
    const env = createSpoolEnv({ REDIS_URL: "redis://127.0.0.1:6379", SPOOL_TRUSTED_PROXIES: "2" });
    expect(env.REDIS_URL).toBe("redis://127.0.0.1:6379");
    expect(env.SPOOL_TRUSTED_PROXIES).toBe(2);
    expect(createSpoolEnv({}).SPOOL_TRUSTED_PROXIES).toBe(1);

    const message = (
      failure({ REDIS_URL: "http://cache:6379", SPOOL_TRUSTED_PROXIES: "0" }) as EnvError
    ).message;
    expect(message).toContain("REDIS_URL: must be a Redis URL such as redis://127.0.0.1:6379");
    expect(message).toContain("SPOOL_TRUSTED_PROXIES: must be a whole number from 1 to 10");
  });

  it("refuses an access key shorter than 32 characters without repeating it", () => {
    const error = failure({ SPOOL_ACCESS_KEY: "short-secret" });

    expect((error as EnvError).message).toContain(
      "SPOOL_ACCESS_KEY: must be at least 32 characters",
    );
    expect((error as EnvError).message).not.toContain("short-secret");
    const key = "k".repeat(32);
    expect(createSpoolEnv({ SPOOL_ACCESS_KEY: key }).SPOOL_ACCESS_KEY).toBe(key);
  });

  it("asks for a whole Pusher app, and where it lives", () => {
    expect((failure({ PUSHER_KEY: "key" }) as EnvError).message).toContain(
      "PUSHER_APP_ID: must be set too: PUSHER_KEY is set",
    );
    expect(
      (failure({ PUSHER_APP_ID: "1", PUSHER_KEY: "k", PUSHER_SECRET: "s" }) as EnvError).message,
    ).toContain("PUSHER_CLUSTER: must be set for hosted Pusher");
    const hosted = createSpoolEnv({
      PUSHER_APP_ID: "1",
      PUSHER_KEY: "k",
      PUSHER_SECRET: "s",
      PUSHER_CLUSTER: "eu",
    });
    expect(hosted.PUSHER_CLUSTER).toBe("eu");
  });

  it("refuses the embedded defaults on Vercel, where they cannot run", () => {
    const message = (failure({ VERCEL: "1" }) as EnvError).message;
    expect(message).toContain("DATABASE_URL: must be set on Vercel");
    expect(message).toContain("PUSHER_APP_ID: must be set on Vercel");
  });

  it("keeps the default rate limits unless the benchmark setting is asked for", () => {
    expect(createSpoolEnv({}).SPOOL_RATE_LIMITS).toBe("default");
    expect(createSpoolEnv({ SPOOL_RATE_LIMITS: "bench" }).SPOOL_RATE_LIMITS).toBe("bench");
    expect((failure({ SPOOL_RATE_LIMITS: "off" }) as EnvError).message).toContain(
      "SPOOL_RATE_LIMITS: must be default or bench",
    );
  });

  it("refuses the benchmark rate limits on Vercel", () => {
    const message = (
      failure({
        VERCEL: "1",
        DATABASE_URL: "postgresql://spool@db.internal:5432/spool",
        PUSHER_APP_ID: "1",
        PUSHER_KEY: "k",
        PUSHER_SECRET: "s",
        PUSHER_CLUSTER: "eu",
        SPOOL_RATE_LIMITS: "bench",
      }) as EnvError
    ).message;
    expect(message).toContain("SPOOL_RATE_LIMITS: must not be bench on Vercel");
  });

  it("takes a translation provider with what it needs, and hourly character budgets", () => {
    const env = createSpoolEnv({
      TRANSLATION_PROVIDER: "azure",
      AZURE_TRANSLATOR_KEY: "key",
      AZURE_TRANSLATOR_REGION: "westeurope",
      SPOOL_TRANSLATION_USER_CHARS_PER_HOUR: "5000",
    });
    expect(env.TRANSLATION_PROVIDER).toBe("azure");
    expect(env.SPOOL_TRANSLATION_USER_CHARS_PER_HOUR).toBe(5000);
    expect(env.SPOOL_TRANSLATION_CHARS_PER_HOUR).toBe(1_000_000);
    expect(createSpoolEnv({}).TRANSLATION_PROVIDER).toBeUndefined();

    const message = (
      failure({
        TRANSLATION_PROVIDER: "deepl",
        LIBRETRANSLATE_URL: "ftp://translate.internal",
        APERTIUM_URL: "not a url",
        SPOOL_TRANSLATION_CHARS_PER_HOUR: "-1",
      }) as EnvError
    ).message;
    expect(message).toContain("DEEPL_AUTH_KEY: must be set: TRANSLATION_PROVIDER is deepl");
    expect(message).toContain("LIBRETRANSLATE_URL: must be an http(s) URL");
    expect(message).toContain("APERTIUM_URL: must be an http(s) URL");
    expect(message).toContain("SPOOL_TRANSLATION_CHARS_PER_HOUR: must be a whole number");
    expect((failure({ TRANSLATION_PROVIDER: "google" }) as EnvError).message).toContain(
      "TRANSLATION_PROVIDER: must be azure, deepl, libretranslate, apertium or off",
    );
  });
});
