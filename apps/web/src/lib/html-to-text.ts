// Other apps may send `html` messages. The web app never renders their markup: it shows the
// text, read through DOMParser (which runs no scripts and loads nothing) and textContent, with
// line breaks where the blocks and <br>s were.

const blocks = new Set(["P", "DIV", "LI", "BLOCKQUOTE", "PRE", "UL", "OL", "H1", "H2", "H3"]);

export function htmlToText(html: string): string {
  if (typeof DOMParser === "undefined") return "";
  const body = new DOMParser().parseFromString(html, "text/html").body;
  return oneBreakBetweenBlocks(textOf(body)).trim();
}

function textOf(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? "";
  if (!(node instanceof Element)) return "";
  if (node.tagName === "BR") return "\n";
  const inner = Array.from(node.childNodes, textOf).join("");
  if (node.tagName === "LI") return `\n• ${inner.trim()}\n`;
  return blocks.has(node.tagName) ? `\n${inner}\n` : inner;
}

/** Blocks next to each other add a break each side; one line break between them is enough. */
function oneBreakBetweenBlocks(text: string): string {
  return text.replace(/[ \t]*\n\s*/g, "\n");
}
