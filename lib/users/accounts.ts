import "server-only";
import { hashPassword } from "@/lib/auth/password";
import { authorize, can, isSystemAdmin } from "@/lib/auth/permissions";
import { endAllSessions } from "@/lib/auth/sessions";
import type { SessionUser } from "@/lib/auth/user";
import { audit } from "@/lib/audit/log";
import { foldVi } from "@/lib/deadlines/fold";
import type { Db, Tx } from "@/lib/db/client";
import { ConflictError, ForbiddenError, invalidField, NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CreateUserInput, UpdateUserInput, UserTargetInput } from "@/lib/users/schemas";
import { temporaryPassword } from "@/lib/users/temporary-password";

// A province administrator keeps the province's accounts: creates them (with a temporary password
// shown once, to be changed at the first sign-in), edits them, resets a password, deactivates.
// The province is the administrator's own (the system administrator names one); the target's
// province is read from the stored account, never from the request. Deactivating and resetting
// end the account's sessions at once. Every change has its audit row.

export interface AccountView {
  id: number;
  username: string;
  name: string;
  role: SessionUser["role"];
  email: string | null;
  active: boolean;
  mustChangePassword: boolean;
  lastSignInAt: Date | null;
  version: number;
  agencies: { id: number; name: string; shortName: string }[];
}

const ACCOUNT_SELECT = {
  id: true,
  username: true,
  name: true,
  role: true,
  email: true,
  active: true,
  mustChangePassword: true,
  lastSignInAt: true,
  version: true,
  provinceId: true,
  agencies: {
    select: { agency: { select: { id: true, name: true, shortName: true } } },
    orderBy: { agency: { name: "asc" } },
  },
} as const satisfies Prisma.UserSelect;

type AccountRow = Prisma.UserGetPayload<{ select: typeof ACCOUNT_SELECT }>;

function toView(row: AccountRow): AccountView {
  const { agencies, provinceId: _p, ...rest } = row;
  return { ...rest, agencies: agencies.map((a) => a.agency) };
}

/** Whose accounts the actor manages: their own province, or the one a system administrator names. */
export function managedProvince(actor: SessionUser, requested?: number): number {
  const provinceId = isSystemAdmin(actor) ? requested : actor.provinceId;
  if (provinceId === undefined || provinceId === null) throw new ForbiddenError();
  authorize(actor, "user.manage", { provinceId });
  return provinceId;
}

export interface AccountFilters {
  q?: string;
  role?: SessionUser["role"];
  status?: "active" | "inactive";
  page?: number;
  pageSize?: number;
}

/** The province's accounts, searched without diacritics on login, name and e-mail. */
export async function listAccounts(
  db: Db,
  actor: SessionUser,
  filters: AccountFilters = {},
  provinceId = managedProvince(actor),
): Promise<{ rows: AccountView[]; total: number; page: number; pageSize: number }> {
  const rows = await db.user.findMany({
    where: {
      provinceId,
      ...(filters.role ? { role: filters.role } : {}),
      ...(filters.status ? { active: filters.status === "active" } : {}),
    },
    orderBy: [{ active: "desc" }, { role: "asc" }, { username: "asc" }],
    select: ACCOUNT_SELECT,
  });
  const q = foldVi(filters.q ?? "").trim();
  const matched = q
    ? rows.filter((r) =>
        foldVi(`${r.username} ${r.name} ${r.email ?? ""} ${r.agencies.map((a) => a.agency.name).join(" ")}`).includes(
          q,
        ),
      )
    : rows;
  const pageSize = filters.pageSize ?? 50;
  const page = Math.max(1, Math.min(filters.page ?? 1, Math.ceil(matched.length / pageSize) || 1));
  return {
    rows: matched.slice((page - 1) * pageSize, page * pageSize).map(toView),
    total: matched.length,
    page,
    pageSize,
  };
}

async function loadAccount(
  db: Db | Tx,
  actor: SessionUser,
  userId: number,
): Promise<AccountRow & { provinceId: number }> {
  const row = await db.user.findUnique({ where: { id: userId }, select: ACCOUNT_SELECT });
  // Another province's account, or the system administrator's, answers as if it did not exist.
  if (!row || row.provinceId === null || !can(actor, "user.manage", { provinceId: row.provinceId }))
    throw new NotFoundError("Tài khoản");
  return row as AccountRow & { provinceId: number };
}

export async function getAccount(
  db: Db,
  actor: SessionUser,
  userId: number,
): Promise<AccountView & { provinceId: number }> {
  const row = await loadAccount(db, actor, userId);
  return { ...toView(row), provinceId: row.provinceId };
}

/** Agency staff need at least one agency of the province (active); other roles none. */
async function checkAgencies(
  db: Db | Tx,
  provinceId: number,
  role: SessionUser["role"],
  agencyIds: number[],
): Promise<number[]> {
  const ids = [...new Set(agencyIds)];
  if (role !== "agency_staff") {
    if (ids.length > 0) invalidField("agencyIds", "Chỉ cán bộ cơ quan, đơn vị mới gắn với cơ quan.");
    return [];
  }
  if (ids.length === 0) invalidField("agencyIds", "Chọn ít nhất một cơ quan, đơn vị cho cán bộ.");
  const found = await db.agency.count({ where: { id: { in: ids }, provinceId, active: true } });
  if (found !== ids.length) invalidField("agencyIds", "Có cơ quan không thuộc tỉnh hoặc đã ngừng hoạt động.");
  return ids;
}

function loginTaken(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

const auditView = (v: AccountView) => ({
  username: v.username,
  name: v.name,
  role: v.role,
  email: v.email,
  active: v.active,
  agencies: v.agencies.map((a) => a.name),
});

export async function createAccount(
  db: Db,
  actor: SessionUser,
  input: CreateUserInput,
  provinceId = managedProvince(actor),
): Promise<{ account: AccountView; temporaryPassword: string }> {
  const agencyIds = await checkAgencies(db, provinceId, input.role, input.agencyIds);
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  try {
    const account = await db.$transaction(async (tx) => {
      const row = await tx.user.create({
        data: {
          username: input.username,
          name: input.name,
          role: input.role,
          email: input.email ?? null,
          provinceId,
          passwordHash,
          mustChangePassword: true,
          agencies: { create: agencyIds.map((agencyId) => ({ agencyId })) },
        },
        select: ACCOUNT_SELECT,
      });
      const view = toView(row);
      await audit(tx, {
        provinceId,
        actorId: actor.id,
        action: "user.create",
        entityType: "User",
        entityId: row.id,
        after: auditView(view),
      });
      return view;
    });
    return { account, temporaryPassword: password };
  } catch (error) {
    if (loginTaken(error)) invalidField("username", `Tên đăng nhập “${input.username}” đã có người dùng.`);
    throw error;
  }
}

export async function updateAccount(db: Db, actor: SessionUser, input: UpdateUserInput): Promise<AccountView> {
  const before = await loadAccount(db, actor, input.userId);
  if (before.version !== input.version)
    throw new ConflictError("Tài khoản vừa được người khác sửa. Vui lòng tải lại trang rồi sửa tiếp.");
  if (before.id === actor.id && (!input.active || input.role !== before.role))
    throw new ForbiddenError("Không thể tự khóa hay tự đổi vai trò của chính mình; hãy nhờ một quản trị viên khác.");
  const agencyIds = await checkAgencies(db, before.provinceId, input.role, input.agencyIds);
  try {
    return await db.$transaction(async (tx) => {
      const { count } = await tx.user.updateMany({
        where: { id: before.id, version: input.version },
        data: {
          username: input.username,
          name: input.name,
          role: input.role,
          email: input.email ?? null,
          active: input.active,
          version: { increment: 1 },
        },
      });
      if (count !== 1)
        throw new ConflictError("Tài khoản vừa được người khác sửa. Vui lòng tải lại trang rồi sửa tiếp.");
      await tx.userAgency.deleteMany({ where: { userId: before.id } });
      if (agencyIds.length > 0)
        await tx.userAgency.createMany({ data: agencyIds.map((agencyId) => ({ userId: before.id, agencyId })) });
      if (before.active && !input.active) await endAllSessions(tx, before.id, "deactivated");
      const after = toView(await tx.user.findUniqueOrThrow({ where: { id: before.id }, select: ACCOUNT_SELECT }));
      await audit(tx, {
        provinceId: before.provinceId,
        actorId: actor.id,
        action: before.active && !input.active ? "user.deactivate" : "user.update",
        entityType: "User",
        entityId: before.id,
        before: auditView(toView(before)),
        after: auditView(after),
      });
      return after;
    });
  } catch (error) {
    if (loginTaken(error)) invalidField("username", `Tên đăng nhập “${input.username}” đã có người dùng.`);
    throw error;
  }
}

/** A new temporary password, shown once; the account's sessions end and it must be changed at sign-in. */
export async function resetPassword(
  db: Db,
  actor: SessionUser,
  input: UserTargetInput,
): Promise<{ account: AccountView; temporaryPassword: string; sessionsEnded: number }> {
  const before = await loadAccount(db, actor, input.userId);
  if (before.version !== input.version)
    throw new ConflictError("Tài khoản vừa được người khác sửa. Vui lòng tải lại trang rồi thử lại.");
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: before.id, version: input.version },
      data: { passwordHash, mustChangePassword: true, passwordChangedAt: new Date(), version: { increment: 1 } },
    });
    if (count !== 1) throw new ConflictError("Tài khoản vừa được người khác sửa. Vui lòng tải lại trang rồi thử lại.");
    const sessionsEnded = await endAllSessions(tx, before.id, "password_reset");
    await audit(tx, {
      provinceId: before.provinceId,
      actorId: actor.id,
      action: "user.password_reset",
      entityType: "User",
      entityId: before.id,
      after: { sessionsEnded },
    });
    const account = toView(await tx.user.findUniqueOrThrow({ where: { id: before.id }, select: ACCOUNT_SELECT }));
    return { account, temporaryPassword: password, sessionsEnded };
  });
}
