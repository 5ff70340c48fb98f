import type { ClientConfig } from "pg";

/**
 * Splits Prisma's `?schema=name` convention off a PostgreSQL URL: pg does not know it, so it
 * becomes the connection's search_path (for migrations) and the schema of Prisma's queries.
 */
export function postgresConfig(url: string): ClientConfig & { schema?: string } {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema") ?? undefined;
  parsed.searchParams.delete("schema");
  return {
    connectionString: parsed.toString(),
    ...(schema && { schema, options: `-c search_path="${schema.replaceAll('"', '""')}"` }),
  };
}
