import sanitizeHtml from "sanitize-html";
import { detectAll } from "tinyld";
import { UNDETERMINED } from "./language-tags";

// Below this, tinyld's best guess is noise: "Hello" alone scores 0.2 as Italian.
const minimumAccuracy = 0.3;

/**
 * The language a message is written in (BCP 47), or `und` when the text is too short or
 * mixed to tell. Html is read for its text only, so tag names never sway the guess.
 */
export function detectLanguage(type: "text" | "html", content: string): string {
  const text = type === "html" ? sanitizeHtml(content, { allowedTags: [] }) : content;
  const [best] = detectAll(text);
  return best && best.accuracy >= minimumAccuracy ? best.lang : UNDETERMINED;
}
