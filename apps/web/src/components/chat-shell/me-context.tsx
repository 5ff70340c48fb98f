"use client";

import { createContext, useContext } from "react";

export interface Me {
  id: string;
  name: string;
}

export const MeContext = createContext<Me | null>(null);

/** The signed-in user, anywhere under the chat layout. */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error("useMe() is only available inside the chat layout");
  return me;
}
