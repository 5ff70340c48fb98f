import "server-only";
import { userForOAuthAccount, verifyCredentials } from "@spool/api";
import { env } from "@spool/env";
import type { NextAuthOptions } from "next-auth";
import AzureADProvider from "next-auth/providers/azure-ad";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import { getApiDeps } from "../api-deps";
import { clientAddress } from "../client-address";
import { authSecret } from "../secrets";

/** The sign-in methods this deployment offers: username + password, and OAuth set by env. */
function providers(): NextAuthOptions["providers"] {
  const enabled: NextAuthOptions["providers"] = [
    CredentialsProvider({
      name: "username and password",
      credentials: {
        username: { label: "Username" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, request) {
        if (!credentials?.username || !credentials.password) return null;
        return verifyCredentials(await getApiDeps(), {
          username: credentials.username,
          password: credentials.password,
          clientAddress: clientAddress(request.headers ?? {}),
        });
      },
    }),
  ];
  if (env.GITHUB_ID && env.GITHUB_SECRET) {
    enabled.push(GitHubProvider({ clientId: env.GITHUB_ID, clientSecret: env.GITHUB_SECRET }));
  }
  if (env.AZURE_AD_CLIENT_ID && env.AZURE_AD_CLIENT_SECRET && env.AZURE_AD_TENANT_ID) {
    enabled.push(
      AzureADProvider({
        clientId: env.AZURE_AD_CLIENT_ID,
        clientSecret: env.AZURE_AD_CLIENT_SECRET,
        tenantId: env.AZURE_AD_TENANT_ID,
      }),
    );
  }
  return enabled;
}

/** next-auth's options: JWT sessions whose subject is the Spool user id. */
export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt" },
    // Our own page for every route next-auth would otherwise render unstyled itself.
    pages: {
      signIn: "/sign-in",
      signOut: "/sign-out",
      error: "/auth-error",
      verifyRequest: "/verify-request",
    },
    providers: providers(),
    callbacks: {
      async jwt({ token, user, account }) {
        if (account?.type === "oauth") {
          const spoolUser = await userForOAuthAccount(await getApiDeps(), {
            provider: account.provider,
            providerAccountId: account.providerAccountId,
            type: account.type,
            name: user.name ?? user.email ?? "",
            image: user.image,
          });
          return { ...token, sub: spoolUser.id, name: spoolUser.name };
        }
        return user ? { ...token, sub: user.id, name: user.name } : token;
      },
      session({ session, token }) {
        return { ...session, user: { ...session.user, id: token.sub!, name: token.name } };
      },
    },
  };
}
