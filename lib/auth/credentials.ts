import "server-only";
import { z } from "zod";
import { verifyPassword } from "@/lib/auth/password";
import { assertNotLocked, recordFailure, recordSuccess, throttleKeys } from "@/lib/auth/throttle";
import type { SessionUser } from "@/lib/auth/user";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export const WRONG_CREDENTIALS = "Tên đăng nhập hoặc mật khẩu không đúng.";

export const ZCredentials = z.object({
  username: z.string().trim().min(1, "Vui lòng nhập tên đăng nhập").max(100),
  password: z.string().min(1, "Vui lòng nhập mật khẩu").max(200),
});

const userSelect = {
  id: true,
  username: true,
  name: true,
  role: true,
  provinceId: true,
  active: true,
  passwordHash: true,
  province: { select: { name: true } },
  agencies: { select: { agencyId: true }, orderBy: { agencyId: "asc" } },
} as const;

type UserRow = {
  id: number;
  username: string;
  name: string;
  role: SessionUser["role"];
  provinceId: number | null;
  province: { name: string } | null;
  agencies: { agencyId: number }[];
};

function toSessionUser(row: UserRow): SessionUser {
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    role: row.role,
    provinceId: row.provinceId,
    provinceName: row.province?.name ?? null,
    agencyIds: row.agencies.map((a) => a.agencyId),
  };
}

/** Checks a login and password; the message never says which of the two was wrong. */
export async function verifyCredentials(db: Db, input: unknown, address: string | null): Promise<SessionUser> {
  const parsed = ZCredentials.safeParse(input);
  if (!parsed.success) throw new AppError(parsed.error.issues[0]!.message);
  const { username, password } = parsed.data;
  const keys = throttleKeys(username, address);
  await assertNotLocked(db, keys);
  const row = await db.user.findUnique({ where: { username: username.toLowerCase() }, select: userSelect });
  const ok = await verifyPassword(password, row?.passwordHash);
  if (!row || !ok || !row.active) {
    await recordFailure(db, keys);
    throw new AppError(WRONG_CREDENTIALS);
  }
  await recordSuccess(db, username);
  return toSessionUser(row);
}

/** The user behind a session, fresh from the database: a deactivated user or changed role counts at once. */
export async function loadSessionUser(db: Db, id: number): Promise<SessionUser | null> {
  const row = await db.user.findUnique({ where: { id }, select: userSelect });
  if (!row || !row.active) return null;
  return toSessionUser(row);
}
