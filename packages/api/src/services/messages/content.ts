import sanitizeHtml from "sanitize-html";
import { DomainError } from "../../errors";
import { limits } from "../../limits";

// Rich text people write in chat, nothing that runs or loads: no scripts, styles, images or
// frames, and links only to the web or mail.
const htmlPolicy: sanitizeHtml.IOptions = {
  allowedTags: [
    "b",
    "strong",
    "i",
    "em",
    "u",
    "s",
    "code",
    "pre",
    "blockquote",
    "p",
    "br",
    "ul",
    "ol",
    "li",
    "a",
  ],
  // rel and target are set by the transform below, whatever the sender wrote.
  allowedAttributes: { a: ["href", "rel", "target"] },
  allowedSchemes: ["https", "http", "mailto"],
  transformTags: {
    a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow", target: "_blank" }),
  },
};

/** Html reduced to what chat allows; also applied to every translation of an html message. */
export function sanitizeChatHtml(html: string): string {
  return sanitizeHtml(html, htmlPolicy);
}

/** The content as stored: within the byte limit, html sanitised, never blank. */
export function prepareContent(type: "text" | "html", content: string): string {
  const bytes = Buffer.byteLength(content, "utf8");
  if (bytes > limits.contentBytes) {
    throw new DomainError(
      "CONTENT_TOO_LARGE",
      `content is ${bytes} bytes of UTF-8; the limit is ${limits.contentBytes} (28 KB).`,
    );
  }
  const stored = type === "html" ? sanitizeChatHtml(content) : content;
  const visible = type === "html" ? sanitizeHtml(stored, { allowedTags: [] }) : stored;
  if (visible.trim() === "") {
    throw new DomainError("CONTENT_EMPTY", "content must contain some text.");
  }
  return stored;
}

export function checkMetadata(metadata: Record<string, string> | undefined): void {
  if (!metadata) return;
  const bytes = Buffer.byteLength(JSON.stringify(metadata), "utf8");
  if (bytes > limits.metadataBytes) {
    throw new DomainError(
      "METADATA_TOO_LARGE",
      `metadata is ${bytes} bytes as JSON; the limit is ${limits.metadataBytes} (4 KB).`,
    );
  }
}
