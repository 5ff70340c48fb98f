"use client";

import { createContext, useContext } from "react";

/** What a message row can do, provided once by the conversation instead of through every row. */
export interface ThreadActions {
  meId: string;
  edit(messageId: string, content: string): Promise<void>;
  remove(messageId: string): Promise<void>;
  toggleReaction(messageId: string, emoji: string, mine: boolean): void;
  retrySend(clientMessageId: string): void;
  discardSend(clientMessageId: string): void;
}

export const ThreadActionsContext = createContext<ThreadActions | null>(null);

export function useThreadActions(): ThreadActions {
  const actions = useContext(ThreadActionsContext);
  if (!actions) throw new Error("useThreadActions() is only available inside a thread view");
  return actions;
}
