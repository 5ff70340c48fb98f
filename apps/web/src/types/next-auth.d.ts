import type { DefaultSession } from "next-auth";

// Every session belongs to a Spool user; its id is what the API acts as.
declare module "next-auth" {
  interface Session {
    user: DefaultSession["user"] & { id: string };
  }
}
