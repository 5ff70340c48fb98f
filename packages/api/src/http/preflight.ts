import { TRPCError } from "@trpc/server";
import { limits } from "../limits";
import { domainError, refusal, type ApiAnswer } from "./api-answer";
import { allowedMethods, allowHeader } from "./methods";

/**
 * What every API request is answered before anything reads its body, whichever front door it
 * came through: OPTIONS, a method the API never answers, a URL or a batch over its limit, or a
 * declared body over its limit. Null: go on and read it.
 */
export function answerBeforeReading(
  method: string,
  url: URL,
  contentLength: string | null | undefined,
  endpoint: string,
): ApiAnswer | null {
  if (method === "OPTIONS") return { status: 204, headers: { Allow: allowHeader }, body: null };
  if (!(allowedMethods as readonly string[]).includes(method)) {
    return refusal(
      new TRPCError({
        code: "METHOD_NOT_SUPPORTED",
        message: `${method} is not supported: queries are GET, mutations are POST.`,
      }),
      { Allow: allowHeader },
    );
  }
  const urlBytes = url.pathname.length + url.search.length;
  if (urlBytes > limits.urlBytes) {
    return refusal(
      domainError(
        "PAYLOAD_TOO_LARGE",
        `The URL is ${urlBytes} bytes; the limit is ${limits.urlBytes}. A query's input travels ` +
          "in the URL: split the batch, or send less.",
      ),
    );
  }
  if (url.searchParams.get("batch") === "1") {
    const calls = url.pathname.slice(endpoint.length).split(",").length;
    if (calls > limits.batchCalls) {
      return refusal(
        domainError(
          "BATCH_TOO_LARGE",
          `This batch has ${calls} calls; a batch has at most ${limits.batchCalls}.`,
        ),
      );
    }
  }
  const declared = Number(contentLength ?? 0);
  if (method === "POST" && declared > limits.bodyBytes) return bodyTooLarge(String(declared));
  return null;
}

/** A body over the limit: `size` is its declared length, or "over <limit>" once counted. */
export function bodyTooLarge(size: string): ApiAnswer {
  return refusal(
    domainError(
      "PAYLOAD_TOO_LARGE",
      `The request body is ${size} bytes; the limit is ${limits.bodyBytes} (1 MiB).`,
    ),
  );
}
