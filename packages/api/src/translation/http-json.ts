import { ProviderError } from "./provider";

export interface JsonRequest {
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  /** Sent as JSON, or as a form when it is URLSearchParams. */
  body?: unknown;
  timeoutMs: number;
}

/** A non-2xx answer: its status and its body, parsed as JSON when it is JSON. */
export interface FailedAnswer {
  status: number;
  body: unknown;
}

/**
 * Calls a provider's HTTP API and returns its JSON. A failed answer is turned into a
 * ProviderError by `refusal`, which knows the service's error body; no answer at all (refused
 * connection, timeout) is a ProviderError naming the service.
 */
export async function requestJson(
  service: string,
  url: URL,
  request: JsonRequest,
  refusal: (answer: FailedAnswer) => ProviderError,
): Promise<unknown> {
  let response: Response;
  try {
    const form = request.body instanceof URLSearchParams;
    response = await fetch(url, {
      method: request.method ?? "GET",
      headers: {
        accept: "application/json",
        ...(request.body !== undefined &&
          !form && { "content-type": "application/json; charset=UTF-8" }),
        ...request.headers,
      },
      body: form ? (request.body as URLSearchParams) : JSON.stringify(request.body),
      signal: AbortSignal.timeout(request.timeoutMs),
    });
  } catch (error) {
    const why =
      error instanceof Error && error.name === "TimeoutError"
        ? "did not answer in time"
        : "could not be reached";
    throw new ProviderError("unavailable", `${service} ${why}.`);
  }
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text === "" ? null : JSON.parse(text);
  } catch {
    // Not JSON (a proxy's error page): the refusal quotes it as text.
  }
  if (!response.ok) throw refusal({ status: response.status, body });
  if (typeof body === "string") {
    throw new ProviderError("unavailable", `${service} answered something that is not JSON.`);
  }
  return body;
}

/** The reason a service gave, for quoting; a missing one says the status instead. */
export function quoted(reason: unknown, status: number): string {
  return typeof reason === "string" && reason.trim() !== ""
    ? reason.trim().slice(0, 300)
    : `HTTP ${status}`;
}

/** Fails with the service's name when an answer is not the shape its documentation gives. */
export function malformed(service: string): ProviderError {
  return new ProviderError("unavailable", `${service} answered in an unexpected format.`);
}
