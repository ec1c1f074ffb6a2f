import "server-only";
import { randomBytes } from "node:crypto";
import { toSessionUser, USER_SELECT } from "@/lib/auth/credentials";
import type { SessionUser } from "@/lib/auth/user";
import type { Db, Tx } from "@/lib/db/client";
import { env } from "@/lib/env";

// Sessions live in the database; the signed cookie carries only the session's id. Each request
// loads the session with its user (one query): a session that was ended (sign-out, a password
// change or reset, the user deactivated), that was not used for SESSION_IDLE_MINUTES, or that is
// older than SESSION_MAX_HOURS opens nothing. So ending a session takes effect at once, on every
// app server.

export type SessionEndReason = "sign_out" | "password_changed" | "password_reset" | "deactivated" | "idle" | "expired";

/** lastSeenAt is written at most this often per session, not on every request. */
const TOUCH_EVERY_MS = 60_000;

export interface SessionLimits {
  maxAgeMs: number;
  idleMs: number;
}

export function sessionLimits(): SessionLimits {
  const config = env();
  return { maxAgeMs: config.SESSION_MAX_HOURS * 3_600_000, idleMs: config.SESSION_IDLE_MINUTES * 60_000 };
}

export async function startSession(
  db: Db,
  userId: number,
  meta: { address: string | null; userAgent: string | null },
  at = new Date(),
  limits = sessionLimits(),
): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  await db.userSession.create({
    data: {
      id,
      userId,
      createdAt: at,
      lastSeenAt: at,
      expiresAt: new Date(at.getTime() + limits.maxAgeMs),
      address: meta.address?.slice(0, 64) ?? null,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    },
  });
  return id;
}

/** The user of a live session, fresh from the database; null when the session opens nothing. */
export async function sessionUser(
  db: Db,
  sessionId: string,
  at = new Date(),
  limits = sessionLimits(),
): Promise<SessionUser | null> {
  const row = await db.userSession.findUnique({
    where: { id: sessionId },
    select: { endedAt: true, expiresAt: true, lastSeenAt: true, user: { select: USER_SELECT } },
  });
  if (!row || row.endedAt || !row.user.active) return null;
  if (row.expiresAt <= at) {
    await endSession(db, sessionId, "expired", at);
    return null;
  }
  if (at.getTime() - row.lastSeenAt.getTime() > limits.idleMs) {
    await endSession(db, sessionId, "idle", at);
    return null;
  }
  if (at.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.userSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { lastSeenAt: at } });
  }
  return toSessionUser(row.user);
}

export async function endSession(
  db: Db | Tx,
  sessionId: string,
  reason: SessionEndReason,
  at = new Date(),
): Promise<void> {
  await db.userSession.updateMany({
    where: { id: sessionId, endedAt: null },
    data: { endedAt: at, endReason: reason },
  });
}

/** Ends every open session of a user (password changed or reset, account deactivated); returns how many. */
export async function endAllSessions(
  db: Db | Tx,
  userId: number,
  reason: SessionEndReason,
  at = new Date(),
): Promise<number> {
  const { count } = await db.userSession.updateMany({
    where: { userId, endedAt: null },
    data: { endedAt: at, endReason: reason },
  });
  return count;
}
