import "server-only";
import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { addressFromHeaders } from "@/lib/auth/client-address";
import { verifyCredentials } from "@/lib/auth/credentials";
import { endSession, sessionLimits, startSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log";

// next-auth signs the session cookie; the session itself is a row of UserSession
// (lib/auth/sessions.ts), and the cookie's token carries nothing but that row's id. The cookie is
// Secure (and named __Secure-…) whenever the app's address is https.

export const SIGN_IN_UNAVAILABLE = "Không đăng nhập được lúc này. Vui lòng thử lại sau.";

export function usesSecureCookies(): boolean {
  return (env().NEXTAUTH_URL ?? "").startsWith("https://");
}

export function sessionCookieName(): string {
  return usesSecureCookies() ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

export function authOptions(): NextAuthOptions {
  return {
    secret: env().NEXTAUTH_SECRET,
    useSecureCookies: usesSecureCookies(),
    session: { strategy: "jwt", maxAge: Math.floor(sessionLimits().maxAgeMs / 1000) },
    pages: { signIn: "/dang-nhap", error: "/dang-nhap" },
    providers: [
      Credentials({
        name: "Tài khoản",
        credentials: {
          username: { label: "Tên đăng nhập", type: "text" },
          password: { label: "Mật khẩu", type: "password" },
        },
        async authorize(credentials, req) {
          try {
            const address = addressFromHeaders(req?.headers);
            const user = await verifyCredentials(db(), credentials, address);
            const agent = req?.headers?.["user-agent"];
            const sid = await startSession(db(), user.id, {
              address,
              userAgent: typeof agent === "string" ? agent : null,
            });
            return { id: String(user.id), name: user.name, sid };
          } catch (error) {
            if (error instanceof AppError) throw new Error(error.message);
            logger.error({ err: error }, "sign-in failed");
            throw new Error(SIGN_IN_UNAVAILABLE);
          }
        },
      }),
    ],
    callbacks: {
      // The token keeps the session id and nothing of the user: the user is read per request.
      jwt({ token, user }) {
        if (user) return { sid: (user as unknown as { sid: string }).sid, name: user.name ?? null };
        return { sid: token.sid, name: token.name ?? null };
      },
      // /api/auth/session tells the browser only what a page shows: the name and the expiry.
      session({ session }) {
        return { expires: session.expires, user: { name: session.user?.name ?? null } };
      },
    },
    events: {
      async signOut({ token }) {
        const sid = (token as { sid?: unknown } | null)?.sid;
        if (typeof sid === "string") await endSession(db(), sid, "sign_out");
      },
    },
    logger: {
      error: (code, metadata) => logger.error({ code, metadata }, "next-auth"),
      warn: (code) => logger.warn({ code }, "next-auth"),
      debug: () => {},
    },
  };
}
