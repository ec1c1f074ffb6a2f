import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { loadSessionUser } from "@/lib/auth/credentials";
import { authOptions } from "@/lib/auth/options";
import type { SessionUser } from "@/lib/auth/user";
import { db } from "@/lib/db/client";
import { UnauthenticatedError } from "@/lib/errors";

/** The signed-in user, or null; one database read per request. */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions());
  const uid = (session as { uid?: unknown } | null)?.uid;
  if (typeof uid !== "number") return null;
  return loadSessionUser(db(), uid);
});

/** For pages: sends a visitor without a session to the sign-in page. */
export async function requirePageUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/dang-nhap");
  return user;
}

/** For server actions and route handlers: no session is an error, not a redirect. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new UnauthenticatedError();
  return user;
}
