import type { ErrorData } from "@spool/api";

/** The API's message for one refused input field (e.g. "topic"), if it refused that field. */
export function apiFieldError(error: unknown, field: string): string | undefined {
  const data = (error as { data?: Partial<ErrorData> | null } | null)?.data;
  return data?.issues?.find((issue) => issue.path === field)?.message;
}
