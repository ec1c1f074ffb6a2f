import "server-only";
import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { verifyCredentials } from "@/lib/auth/credentials";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

// Sessions live in signed JWT cookies (no server-side state), so several app servers can share
// the load. The token carries the user id, role, province and agencies; every request still
// reloads the user from the database (lib/auth/session.ts).

function clientAddress(headers: Record<string, unknown> | undefined): string | null {
  const forwarded = headers?.["x-forwarded-for"];
  const first = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
  const real = headers?.["x-real-ip"];
  return first || (typeof real === "string" ? real : null);
}

export function authOptions(): NextAuthOptions {
  return {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
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
            const user = await verifyCredentials(db(), credentials, clientAddress(req?.headers));
            return {
              id: String(user.id),
              name: user.name,
              role: user.role,
              provinceId: user.provinceId,
              agencyIds: user.agencyIds,
            };
          } catch (error) {
            if (error instanceof AppError) throw new Error(error.message);
            console.error("[sign-in]", error);
            throw new Error("Không đăng nhập được lúc này. Vui lòng thử lại sau.");
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          const u = user as unknown as { id: string; role: string; provinceId: number | null; agencyIds: number[] };
          token.uid = Number(u.id);
          token.role = u.role;
          token.provinceId = u.provinceId;
          token.agencyIds = u.agencyIds;
        }
        return token;
      },
      session({ session, token }) {
        Object.assign(session, {
          uid: token.uid,
          role: token.role,
          provinceId: token.provinceId,
          agencyIds: token.agencyIds,
        });
        return session;
      },
    },
  };
}
