import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { loadSessionUser } from "@/lib/auth/credentials";
import { authOptions } from "@/lib/auth/options";
import type { SessionUser } from "@/lib/auth/user";
import { db } from "@/lib/db/client";

/** The signed-in user, or null; one database read per request. Pages, actions and routes read it through the gate (lib/auth/gate.ts). */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions());
  const uid = (session as { uid?: unknown } | null)?.uid;
  if (typeof uid !== "number") return null;
  return loadSessionUser(db(), uid);
});
