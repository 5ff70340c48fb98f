// Web addresses in plain text become links, built as elements from the text (never as HTML),
// and only for http(s): a `javascript:` address stays text.

export type TextPart =
  { kind: "text"; text: string } | { kind: "link"; text: string; href: string };

const urlPattern = /\bhttps?:\/\/[^\s<>"']+/gi;
// Punctuation that ends a sentence rather than the address.
const trailing = new Set([".", ",", ";", ":", "!", "?", ")", "]", "}", "'", '"']);

export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(urlPattern)) {
    const url = withoutTrailingPunctuation(match[0]);
    const start = match.index;
    if (start > last) parts.push({ kind: "text", text: text.slice(last, start) });
    parts.push({ kind: "link", text: url, href: url });
    last = start + url.length;
  }
  if (last < text.length) parts.push({ kind: "text", text: text.slice(last) });
  return parts;
}

/** A closing parenthesis stays when it closes one in the address, as in wiki links. */
function withoutTrailingPunctuation(url: string): string {
  let end = url.length;
  while (end > 0 && trailing.has(url[end - 1]!)) {
    const head = url.slice(0, end);
    if (url[end - 1] === ")" && count(head, "(") >= count(head, ")")) break;
    end -= 1;
  }
  return url.slice(0, end);
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}
