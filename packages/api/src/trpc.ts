import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import type { UserActor } from "./actor";
import type { Context } from "./context";
import { checkedActor } from "./services/identity/authenticate";
import { DomainError, errorCodes, type ErrorCode } from "./errors";
import { transformer } from "./transformer";

export interface ErrorData {
  /**
   * Stable, for code to branch on: one of Spool's codes, or for refusals by the HTTP layer
   * itself (an unknown procedure, a wrong method) tRPC's own code.
   */
  spoolCode: ErrorCode | TRPCError["code"] | "INTERNAL";
  /** Input problems, one per field. */
  issues?: { path: string; message: string }[];
  retryAfterMs?: number;
}

const t = initTRPC.context<Context>().create({
  transformer,
  errorFormatter({ shape, error }) {
    const data: typeof shape.data & ErrorData = { ...shape.data, spoolCode: "INTERNAL" };
    let message = shape.message;
    if (error.cause instanceof ZodError) {
      data.spoolCode = "INVALID_INPUT";
      data.issues = error.cause.issues.map((issue) => ({
        path: issue.path.join("."),
        message: issue.message,
      }));
      message = data.issues.map((issue) => `${issue.path || "input"}: ${issue.message}`).join("; ");
    } else if (error.cause instanceof DomainError) {
      data.spoolCode = error.cause.code;
      Object.assign(data, error.cause.details);
    } else if (error.code === "INTERNAL_SERVER_ERROR") {
      message = "Something went wrong on the server. It has been logged.";
    } else {
      data.spoolCode = error.code === "BAD_REQUEST" ? "INVALID_INPUT" : error.code;
    }
    delete data.stack;
    return { ...shape, message, data };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

const refuse = (code: ErrorCode, message: string) =>
  new TRPCError({ code: errorCodes[code], message, cause: new DomainError(code, message) });

/**
 * Every procedure: refused while the database cannot be trusted (its folder vanished, so
 * writes would be lost and reads may fail half-way), and a service's DomainError becomes the
 * matching tRPC error.
 */
const baseProcedure = t.procedure.use(async ({ ctx, next }) => {
  const storageProblem = ctx.deps.storage.problem();
  if (storageProblem) throw refuse("DATABASE_UNAVAILABLE", storageProblem);
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: errorCodes[cause.code], message: cause.message, cause });
  }
  return result;
});

/** Anyone, signed in or not: only signing up. */
export const publicProcedure = baseProcedure;

/**
 * The person calling. A cached bearer token is checked for revocation first, unless the
 * procedure's service checks it in its own statement (`uncheckedToken`).
 */
async function callingUser(ctx: Context, checkToken: boolean): Promise<UserActor> {
  const actor = checkToken ? await checkedActor(ctx.deps, ctx.actor) : ctx.actor;
  switch (actor.kind) {
    case "user":
    case "token":
      return actor.user;
    case "rejected":
      throw refuse("TOKEN_INVALID", actor.reason);
    case "service":
      throw refuse(
        "UNAUTHENTICATED",
        "The access key manages identities; chat as a user with 'Authorization: Bearer <token>'.",
      );
    case "anonymous":
      throw refuse("UNAUTHENTICATED", "Sign in, or send 'Authorization: Bearer <token>'.");
  }
}

/** A person: a signed-in browser session or another app's user with a bearer token. */
export const userProcedure = baseProcedure.use(async ({ ctx, next }) =>
  next({ ctx: { user: await callingUser(ctx, true) } }),
);

/**
 * A person, for a service that checks a cached bearer token's revocation in the same statement
 * as its own work (`UserActor.uncheckedToken`), saving a round trip. Any other is `userProcedure`.
 */
export const selfCheckingUserProcedure = baseProcedure.use(async ({ ctx, next }) =>
  next({ ctx: { user: await callingUser(ctx, false) } }),
);

/**
 * Creating, deleting and retitling threads need the full `chat` scope; a `chat.join` token
 * may take part in threads it is given.
 */
export const fullChatProcedure = userProcedure.use(({ ctx, next }) => {
  if (!ctx.user.scopes.includes("chat")) {
    throw refuse(
      "SCOPE_REQUIRED",
      "This needs a token with the 'chat' scope; this one has 'chat.join'.",
    );
  }
  return next();
});

/** Another app's backend, holding the access key. Never a user. */
export const serviceProcedure = baseProcedure.use(({ ctx, next }) => {
  const { actor } = ctx;
  if (actor.kind === "service") return next();
  if (actor.kind === "rejected") throw refuse("TOKEN_INVALID", actor.reason);
  throw refuse(
    "ACCESS_KEY_REQUIRED",
    "This needs the access key: 'Authorization: AccessKey <key>'.",
  );
});

export type { UserActor };
