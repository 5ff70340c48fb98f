import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/options";

type Handler = (
  request: Request,
  context: { params: Promise<{ nextauth: string[] }> },
) => Promise<Response>;

/** next-auth's sign-in, callback, session and sign-out endpoints. */
const handler: Handler = (request, context) =>
  (NextAuth(authOptions()) as unknown as Handler)(request, context);

export { handler as GET, handler as POST };
