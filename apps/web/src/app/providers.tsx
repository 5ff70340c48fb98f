"use client";

import "@/lib/zod-without-eval";
import type { AppRouter } from "@spool/api";
import { limits } from "@spool/api/limits";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { useState, type ReactNode } from "react";
import superjson from "superjson";
import { TRPCProvider } from "@/lib/trpc";
import { socketIdHeader } from "@/lib/socket-id";

/** The API client for the browser: same-origin, the session cookie, batched requests. */
export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        // Realtime events keep queries current; refetching on focus would only add load.
        defaultOptions: { queries: { staleTime: Infinity, refetchOnWindowFocus: false, retry: 1 } },
      }),
  );
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        httpBatchLink({
          url: "/api/trpc",
          transformer: superjson,
          headers: socketIdHeader,
          // The server refuses bigger batches and longer URLs; the link splits them instead.
          maxItems: limits.batchCalls,
          maxURLLength: limits.urlBytes,
        }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
