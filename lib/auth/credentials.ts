import "server-only";
import { z } from "zod";
import { verifyPassword } from "@/lib/auth/password";
import { assertNotLocked, recordFailure, recordSuccess, throttleKeys } from "@/lib/auth/throttle";
import type { SessionUser } from "@/lib/auth/user";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseWith } from "@/lib/validation/parse";

export const WRONG_CREDENTIALS = "Tên đăng nhập hoặc mật khẩu không đúng.";

export const ZCredentials = z.object({
  username: z.string().trim().min(1, "Vui lòng nhập tên đăng nhập").max(100),
  password: z.string().min(1, "Vui lòng nhập mật khẩu").max(200),
});

/** What a session needs of its user; never the password hash. */
export const USER_SELECT = {
  id: true,
  username: true,
  name: true,
  role: true,
  provinceId: true,
  active: true,
  mustChangePassword: true,
  province: { select: { name: true } },
  agencies: { select: { agencyId: true }, orderBy: { agencyId: "asc" } },
} as const;

type UserRow = {
  id: number;
  username: string;
  name: string;
  role: SessionUser["role"];
  provinceId: number | null;
  mustChangePassword: boolean;
  province: { name: string } | null;
  agencies: { agencyId: number }[];
};

export function toSessionUser(row: UserRow): SessionUser {
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    role: row.role,
    provinceId: row.provinceId,
    provinceName: row.province?.name ?? null,
    agencyIds: row.agencies.map((a) => a.agencyId),
    mustChangePassword: row.mustChangePassword,
  };
}

/** Checks a login and password; the message never says which of the two was wrong. */
export async function verifyCredentials(
  db: Db,
  input: unknown,
  address: string | null,
  at = new Date(),
): Promise<SessionUser> {
  const { username, password } = parseWith(ZCredentials, input);
  const keys = throttleKeys(username, address);
  await assertNotLocked(db, keys, at);
  const row = await db.user.findUnique({
    where: { username: username.toLowerCase() },
    select: { ...USER_SELECT, passwordHash: true },
  });
  const ok = await verifyPassword(password, row?.passwordHash);
  if (!row || !ok || !row.active) {
    await recordFailure(db, keys, at);
    throw new AppError(WRONG_CREDENTIALS);
  }
  await recordSuccess(db, keys, at);
  await db.user.update({ where: { id: row.id }, data: { lastSignInAt: at } });
  return toSessionUser(row);
}

/** A user as a session sees them, fresh from the database (scripts and tests; requests go through lib/auth/sessions.ts). */
export async function loadSessionUser(db: Db, id: number): Promise<SessionUser | null> {
  const row = await db.user.findUnique({ where: { id }, select: USER_SELECT });
  if (!row || !row.active) return null;
  return toSessionUser(row);
}
