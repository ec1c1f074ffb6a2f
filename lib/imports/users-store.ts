import "server-only";
import { hashPassword } from "@/lib/auth/password";
import { endAllSessions } from "@/lib/auth/sessions";
import type { SessionUser } from "@/lib/auth/user";
import { audit, type AuditEntry } from "@/lib/audit/log";
import type { Db, Tx } from "@/lib/db/client";
import { ConflictError } from "@/lib/errors";
import type { UserColumn } from "@/lib/imports/columns";
import type { StoredTable } from "@/lib/imports/plan";
import { planAccounts, type AccountPlan, type AccountsState } from "@/lib/imports/users-plan";
import { temporaryPassword } from "@/lib/users/temporary-password";

// The province's accounts as the users planner reads them, and the confirmed plan written back:
// new accounts with a temporary password each (to be changed at the first sign-in), changed ones
// only if they still have the version the preview saw; a deactivated account's sessions end.

export async function accountsState(
  db: Db | Tx,
  actor: SessionUser,
  provinceId: number,
  table: StoredTable<UserColumn>,
): Promise<AccountsState> {
  const logins = table.rows.map((r) => (r.values.username ?? "").trim().toLowerCase()).filter(Boolean);
  const [accounts, agencies, elsewhere] = await Promise.all([
    db.user.findMany({
      where: { provinceId },
      orderBy: { id: "asc" },
      select: {
        id: true,
        username: true,
        name: true,
        role: true,
        email: true,
        active: true,
        version: true,
        agencies: { select: { agencyId: true }, orderBy: { agencyId: "asc" } },
      },
    }),
    db.agency.findMany({
      where: { provinceId },
      orderBy: { id: "asc" },
      select: { id: true, name: true, shortName: true, active: true },
    }),
    db.user.findMany({
      where: { username: { in: logins }, OR: [{ provinceId: null }, { provinceId: { not: provinceId } }] },
      select: { username: true },
    }),
  ]);
  return {
    actorId: actor.id,
    accounts: accounts.map(({ agencies: links, ...a }) => ({ ...a, agencyIds: links.map((l) => l.agencyId) })),
    agencies,
    takenElsewhere: new Set(elsewhere.map((u) => u.username)),
  };
}

export async function planUserImport(
  db: Db | Tx,
  actor: SessionUser,
  provinceId: number,
  table: StoredTable<UserColumn>,
): Promise<AccountPlan> {
  return planAccounts(table, await accountsState(db, actor, provinceId, table));
}

export interface NewPassword {
  username: string;
  name: string;
  temporaryPassword: string;
}

/** Temporary passwords for the accounts a plan creates, hashed before any transaction opens. */
export async function passwordsFor(plan: AccountPlan): Promise<Map<string, NewPassword & { hash: string }>> {
  const out = new Map<string, NewPassword & { hash: string }>();
  for (const op of plan.ops) {
    if (op.op !== "create") continue;
    const password = temporaryPassword();
    out.set(op.data.username, {
      username: op.data.username,
      name: op.data.name,
      temporaryPassword: password,
      hash: await hashPassword(password),
    });
  }
  return out;
}

const STALE = "Danh sách tài khoản vừa được người khác sửa; chưa lưu gì. Vui lòng tải tệp lên lại để xem trước.";

export async function applyAccountPlan(
  tx: Tx,
  actor: SessionUser,
  provinceId: number,
  plan: AccountPlan,
  passwords: Map<string, NewPassword & { hash: string }>,
): Promise<{ created: NewPassword[]; updated: number }> {
  const entries: AuditEntry[] = [];
  const base = { provinceId, actorId: actor.id };
  const created: NewPassword[] = [];
  let updated = 0;
  for (const op of plan.ops) {
    const { agencyIds, ...fields } = op.data;
    if (op.op === "create") {
      const pw = passwords.get(op.data.username);
      if (!pw) throw new ConflictError(STALE);
      const row = await tx.user.create({
        data: {
          ...fields,
          provinceId,
          passwordHash: pw.hash,
          mustChangePassword: true,
          agencies: { create: agencyIds.map((agencyId) => ({ agencyId })) },
        },
        select: { id: true },
      });
      created.push({ username: pw.username, name: pw.name, temporaryPassword: pw.temporaryPassword });
      entries.push({
        ...base,
        action: "user.create",
        entityType: "User",
        entityId: row.id,
        after: { ...op.data, via: "import" },
      });
      continue;
    }
    const { count } = await tx.user.updateMany({
      where: { id: op.id, provinceId, version: op.version },
      data: { ...fields, version: { increment: 1 } },
    });
    if (count !== 1) throw new ConflictError(STALE);
    await tx.userAgency.deleteMany({ where: { userId: op.id } });
    if (agencyIds.length > 0)
      await tx.userAgency.createMany({ data: agencyIds.map((agencyId) => ({ userId: op.id, agencyId })) });
    const deactivated = op.before.active && !op.data.active;
    if (deactivated) await endAllSessions(tx, op.id, "deactivated");
    updated++;
    entries.push({
      ...base,
      action: deactivated ? "user.deactivate" : "user.update",
      entityType: "User",
      entityId: op.id,
      before: op.before,
      after: { ...op.data, via: "import" },
    });
  }
  await audit(tx, entries);
  return { created, updated };
}
