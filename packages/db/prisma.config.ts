// Read by the prisma CLI. Spool applies migrations with its own migrator (src/migrator), which
// records them exactly as `prisma migrate deploy` does, so either can run in production.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
