import { language } from "./fields";
import { MessageIdInput } from "./message";

export const TranslateMessageInput = MessageIdInput.extend({
  /** Default: the caller's preferred language. */
  to: language("to").optional(),
});
