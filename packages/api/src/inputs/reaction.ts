import emojiRegex from "emoji-regex";
import { text } from "./fields";
import { MessageIdInput } from "./message";

const emoji = text("emoji")
  .max(64, "emoji is one emoji")
  .refine((value) => {
    const match = value.match(emojiRegex());
    return match?.length === 1 && match[0] === value;
  }, "emoji must be exactly one unicode emoji, such as 👍");

export const ReactionInput = MessageIdInput.extend({ emoji });
