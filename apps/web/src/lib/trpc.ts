"use client";

import type { AppRouter } from "@spool/api";
import { createTRPCContext } from "@trpc/tanstack-react-query";

/** `useTRPC()` in client components: typed query and mutation options for every procedure. */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();
