import "server-only";
import { verifyPassword, hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import type { SessionUser } from "@/lib/auth/user";
import { audit } from "@/lib/audit/log";
import type { Db } from "@/lib/db/client";
import { invalidField, NotFoundError } from "@/lib/errors";
import {
  NOTIFICATION_KINDS,
  type ChangePasswordInput,
  type NotificationKind,
  type OwnProfileInput,
} from "@/lib/users/schemas";

// Everyone's own account: the password (the current one required; every other session of the
// account ends, this one goes on), the e-mail address, and which notifications come by e-mail.

export interface OwnAccount {
  username: string;
  name: string;
  email: string | null;
  emailKinds: NotificationKind[];
  mustChangePassword: boolean;
  passwordChangedAt: Date | null;
  openSessions: number;
}

export async function ownAccount(db: Db, user: SessionUser): Promise<OwnAccount> {
  const row = await db.user.findUnique({
    where: { id: user.id },
    select: {
      username: true,
      name: true,
      email: true,
      emailOptOut: true,
      mustChangePassword: true,
      passwordChangedAt: true,
      _count: { select: { sessions: { where: { endedAt: null } } } },
    },
  });
  if (!row) throw new NotFoundError("Tài khoản");
  const kinds = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];
  return {
    username: row.username,
    name: row.name,
    email: row.email,
    emailKinds: kinds.filter((k) => !row.emailOptOut.includes(k)),
    mustChangePassword: row.mustChangePassword,
    passwordChangedAt: row.passwordChangedAt,
    openSessions: row._count.sessions,
  };
}

export async function changeOwnPassword(
  db: Db,
  user: SessionUser,
  input: ChangePasswordInput,
  currentSessionId: string | null,
): Promise<{ otherSessionsEnded: number }> {
  const row = await db.user.findUnique({
    where: { id: user.id },
    select: { passwordHash: true, username: true, name: true },
  });
  if (!row) throw new NotFoundError("Tài khoản");
  if (!(await verifyPassword(input.current, row.passwordHash)))
    invalidField("current", "Mật khẩu hiện tại không đúng.");
  if (input.next === input.current) invalidField("next", "Mật khẩu mới phải khác mật khẩu hiện tại.");
  const problem = passwordProblem(input.next, { login: row.username, name: row.name });
  if (problem) invalidField("next", problem);
  const passwordHash = await hashPassword(input.next);
  return db.$transaction(async (tx) => {
    const at = new Date();
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, mustChangePassword: false, passwordChangedAt: at, version: { increment: 1 } },
    });
    const { count } = await tx.userSession.updateMany({
      where: { userId: user.id, endedAt: null, ...(currentSessionId ? { id: { not: currentSessionId } } : {}) },
      data: { endedAt: at, endReason: "password_changed" },
    });
    await audit(tx, {
      provinceId: user.provinceId,
      actorId: user.id,
      action: "user.password_change",
      entityType: "User",
      entityId: user.id,
      after: { otherSessionsEnded: count },
    });
    return { otherSessionsEnded: count };
  });
}

export async function updateOwnProfile(db: Db, user: SessionUser, input: OwnProfileInput): Promise<void> {
  const kinds = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];
  const emailOptOut = kinds.filter((k) => !input.emailKinds.includes(k));
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { email: true, emailOptOut: true },
    });
    await tx.user.update({
      where: { id: user.id },
      data: { email: input.email ?? null, emailOptOut, version: { increment: 1 } },
    });
    await audit(tx, {
      provinceId: user.provinceId,
      actorId: user.id,
      action: "user.profile",
      entityType: "User",
      entityId: user.id,
      before,
      after: { email: input.email ?? null, emailOptOut },
    });
  });
}
