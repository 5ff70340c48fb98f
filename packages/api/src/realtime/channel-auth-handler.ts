import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type Pusher from "pusher";
import { z } from "zod";
import type { ServiceDeps } from "../deps";
import { DomainError, errorCodes } from "../errors";
import { authenticate, checkedActor, type Credentials } from "../services/identity/authenticate";
import { authorizeChannel } from "./authorize-channel";

const AuthRequest = z.object({
  socket_id: z.string().regex(/^\d+\.\d+$/, "socket_id must look like 1234.5678"),
  channel_name: z.string().min(1).max(200, "channel_name has at most 200 characters"),
});

export interface ChannelAuthOptions extends Omit<Credentials, "authorization" | "socketId"> {
  deps: ServiceDeps;
  pusher: Pusher;
}

/**
 * The channel authorization endpoint pusher-js calls (POST, form-encoded socket_id and
 * channel_name), as a Fetch API handler: 200 with the signature, or an error status with a
 * JSON body saying why. Any non-200 becomes a subscription_error in pusher-js.
 */
export async function handleChannelAuth(
  request: Request,
  options: ChannelAuthOptions,
): Promise<Response> {
  const { deps, pusher, ...credentials } = options;
  const fail = (status: number, code: string, message: string) =>
    Response.json(
      { error: { code, message } },
      { status, headers: { "Cache-Control": "no-store" } },
    );

  const storageProblem = deps.storage.problem();
  if (storageProblem) return fail(503, "DATABASE_UNAVAILABLE", storageProblem);
  const form = AuthRequest.safeParse(
    Object.fromEntries(await request.formData().catch(() => new FormData())),
  );
  if (!form.success) {
    return fail(
      400,
      "INVALID_INPUT",
      form.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
    );
  }
  const actor = await checkedActor(
    deps,
    await authenticate(deps, {
      ...credentials,
      authorization: request.headers.get("authorization"),
    }),
  );
  if (actor.kind !== "user") {
    const reason =
      actor.kind === "rejected"
        ? actor.reason
        : "Sign in, or send 'Authorization: Bearer <token>'.";
    return fail(401, actor.kind === "rejected" ? "TOKEN_INVALID" : "UNAUTHENTICATED", reason);
  }
  try {
    const body = await authorizeChannel(deps, pusher, actor.user, {
      socketId: form.data.socket_id,
      channelName: form.data.channel_name,
    });
    return Response.json(body, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const status = getHTTPStatusCodeFromError(new TRPCError({ code: errorCodes[error.code] }));
    return fail(status, error.code, error.message);
  }
}
