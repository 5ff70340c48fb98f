/** A refusal with its HTTP status; the message is the body, so it says what to change. */
export class HttpError extends Error {
  override name = "HttpError";

  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
