import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db";
import { authenticate, loadActor, signOutEverywhere } from "./credentials";
import { authenticateWithResetCode } from "./reset-code";
import { clientIp } from "./request-ip";
import { getAuthSecret } from "./secret";
import { sessionOutlived } from "./session-lifetime";

/**
 * Sessions are short: a phone left unused stays signed in for half a day at most, and no session
 * outlives SESSION_MAX_DAYS from its sign-in however often it is used (session-lifetime.ts).
 */
export const SESSION_MAX_AGE = 12 * 3600;

export function getAuthOptions(): NextAuthOptions {
  return {
    secret: getAuthSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE, updateAge: 3600 },
    jwt: { maxAge: SESSION_MAX_AGE },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "phone",
        credentials: { phone: { type: "tel" }, password: { type: "password" } },
        async authorize(credentials, req) {
          const db = await getDb();
          const result = await authenticate(
            db,
            { phone: credentials?.phone ?? "", password: credentials?.password ?? "" },
            { ip: clientIp(req?.headers) },
          );
          // The error's message reaches the sign-in form as a code it translates.
          if (!result.ok) throw new Error(result.code);
          return { id: result.data.userId, authAt: result.data.authAt };
        },
      }),
      // The code an organiser printed at the service desk: it lets its owner in once, to choose a
      // new password and nothing else (the token says so until a password is chosen).
      CredentialsProvider({
        id: "reset-code",
        name: "reset-code",
        credentials: { phone: { type: "tel" }, code: { type: "text" } },
        async authorize(credentials, req) {
          const db = await getDb();
          const result = await authenticateWithResetCode(
            db,
            { phone: credentials?.phone ?? "", code: credentials?.code ?? "" },
            { ip: clientIp(req?.headers) },
          );
          if (!result.ok) throw new Error(result.code);
          return { id: result.data.userId, authAt: result.data.authAt, mustChangePassword: true };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.authAt = (user as { authAt?: number }).authAt ?? Date.now();
          if ((user as { mustChangePassword?: boolean }).mustChangePassword) token.mustChangePassword = true;
        }
        // Re-signing keeps the first sign-in time, so the lifetime counts from it; past it the
        // token is re-issued without a person (loadActor refuses it too).
        if (sessionOutlived(token.authAt)) return { authAt: token.authAt };
        return token;
      },
      async session({ session, token }) {
        const actor = token.uid ? await loadActor(await getDb(), token.uid, token.authAt ?? 0) : null;
        // A token issued before sign-out, a password change or disabling answers as no session.
        if (!actor) return { expires: session.expires } as typeof session;
        session.user = {
          id: actor.id,
          name: actor.name,
          roles: actor.roles,
          verified: actor.verified,
          householdId: actor.householdId,
          ...(token.mustChangePassword ? { mustChangePassword: true } : {}),
        };
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        if (token?.uid) await signOutEverywhere(await getDb(), token.uid);
      },
    },
  };
}
