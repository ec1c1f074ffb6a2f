import "server-only";
import { decode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { cache } from "react";
import { sessionCookieName } from "@/lib/auth/options";
import { sessionUser } from "@/lib/auth/sessions";
import type { SessionUser } from "@/lib/auth/user";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";

/** The session id the request's cookie carries (verified), or null. */
export const currentSessionId = cache(async (): Promise<string | null> => {
  const raw = (await cookies()).get(sessionCookieName())?.value;
  if (!raw) return null;
  const token = await decode({ token: raw, secret: env().NEXTAUTH_SECRET ?? "" }).catch(() => null);
  const sid = (token as { sid?: unknown } | null)?.sid;
  return typeof sid === "string" ? sid : null;
});

/**
 * The signed-in user, or null; one database read per request (the session row with its user).
 * The cookie is read here, not through next-auth's session route, so the session id never
 * reaches the browser. Pages, actions and routes read it through the gate (lib/auth/gate.ts).
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const sid = await currentSessionId();
  return sid ? sessionUser(db(), sid) : null;
});
