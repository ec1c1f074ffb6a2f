import "server-only";
import type { SessionUser } from "@/lib/auth/user";
import { audit, type AuditEntry } from "@/lib/audit/log";
import type { Db, Tx } from "@/lib/db/client";
import { ConflictError } from "@/lib/errors";
import type { AgencyColumn } from "@/lib/imports/columns";
import type { StoredTable } from "@/lib/imports/plan";
import { planAgencies, type AgencyPlan, type GroupRef, type RegistryState } from "@/lib/imports/agencies-plan";

// The province's registry as the agencies planner reads it, and the confirmed plan written back:
// groups first (the new ones), then each agency created or changed (only if it still has the
// version the preview saw), then memberships, every change with its audit row.

export async function registryState(db: Db | Tx, provinceId: number): Promise<RegistryState> {
  const [agencies, groups] = await Promise.all([
    db.agency.findMany({
      where: { provinceId },
      orderBy: { id: "asc" },
      select: {
        id: true,
        name: true,
        shortName: true,
        kind: true,
        aliases: true,
        email: true,
        active: true,
        version: true,
        memberships: { select: { groupId: true }, orderBy: { groupId: "asc" } },
        _count: { select: { assignments: { where: { state: { not: "completed" } } } } },
      },
    }),
    db.agencyGroup.findMany({
      where: { provinceId },
      orderBy: { id: "asc" },
      select: { id: true, name: true, aliases: true, version: true },
    }),
  ]);
  return {
    agencies: agencies.map(({ memberships, _count, ...a }) => ({
      ...a,
      groupIds: memberships.map((m) => m.groupId),
      openTasks: _count.assignments,
    })),
    groups,
  };
}

export async function planAgencyImport(
  db: Db | Tx,
  provinceId: number,
  table: StoredTable<AgencyColumn>,
): Promise<AgencyPlan> {
  return planAgencies(table, await registryState(db, provinceId));
}

const STALE = "Danh mục cơ quan vừa được người khác sửa; chưa lưu gì. Vui lòng tải tệp lên lại để xem trước.";

export async function applyAgencyPlan(
  tx: Tx,
  actor: SessionUser,
  provinceId: number,
  plan: AgencyPlan,
): Promise<{ created: number; updated: number; groupsCreated: number }> {
  const entries: AuditEntry[] = [];
  const base = { provinceId, actorId: actor.id };
  const groupIds = new Map<string, number>();
  for (const name of plan.newGroups) {
    const g = await tx.agencyGroup.create({ data: { provinceId, name }, select: { id: true } });
    groupIds.set(name, g.id);
    entries.push({
      ...base,
      action: "agencyGroup.create",
      entityType: "AgencyGroup",
      entityId: g.id,
      after: { name, via: "import" },
    });
  }
  const resolve = (refs: GroupRef[]) => refs.map((r) => ("id" in r ? r.id : groupIds.get(r.create)!));
  const touchedGroups = new Map<number, { added: number[]; removed: number[] }>();
  const touch = (groupId: number, agencyId: number, how: "added" | "removed") => {
    const t = touchedGroups.get(groupId) ?? { added: [], removed: [] };
    t[how].push(agencyId);
    touchedGroups.set(groupId, t);
  };

  let created = 0;
  let updated = 0;
  for (const op of plan.ops) {
    if (op.op === "create") {
      const row = await tx.agency.create({
        data: { provinceId, ...op.data },
        select: { id: true },
      });
      const members = resolve(op.groups);
      if (members.length > 0) {
        await tx.agencyGroupMember.createMany({ data: members.map((groupId) => ({ groupId, agencyId: row.id })) });
        for (const g of members) touch(g, row.id, "added");
      }
      created++;
      entries.push({
        ...base,
        action: "agency.create",
        entityType: "Agency",
        entityId: row.id,
        after: { ...op.data, groups: members.length, via: "import" },
      });
      continue;
    }
    const deactivated = op.before.active && !op.data.active;
    const reactivated = !op.before.active && op.data.active;
    const { count } = await tx.agency.updateMany({
      where: { id: op.id, provinceId, version: op.version },
      data: {
        ...op.data,
        version: { increment: 1 },
        ...(deactivated ? { endedAt: new Date() } : reactivated ? { endedAt: null } : {}),
      },
    });
    if (count !== 1) throw new ConflictError(STALE);
    if (op.groups) {
      const next = resolve(op.groups);
      const current = (
        await tx.agencyGroupMember.findMany({ where: { agencyId: op.id }, select: { groupId: true } })
      ).map((m) => m.groupId);
      const removed = current.filter((g) => !next.includes(g));
      const added = next.filter((g) => !current.includes(g));
      if (removed.length > 0)
        await tx.agencyGroupMember.deleteMany({ where: { agencyId: op.id, groupId: { in: removed } } });
      if (added.length > 0)
        await tx.agencyGroupMember.createMany({ data: added.map((groupId) => ({ groupId, agencyId: op.id })) });
      for (const g of removed) touch(g, op.id, "removed");
      for (const g of added) touch(g, op.id, "added");
    }
    updated++;
    entries.push({
      ...base,
      action: deactivated ? "agency.deactivate" : "agency.update",
      entityType: "Agency",
      entityId: op.id,
      before: op.before,
      after: { ...op.data, via: "import" },
    });
  }
  for (const [groupId, change] of touchedGroups) {
    const isNew = [...groupIds.values()].includes(groupId);
    if (!isNew)
      await tx.agencyGroup.update({
        where: { id: groupId },
        data: { version: { increment: 1 } },
        select: { id: true },
      });
    entries.push({
      ...base,
      action: "agencyGroup.members",
      entityType: "AgencyGroup",
      entityId: groupId,
      after: { added: change.added, removed: change.removed, via: "import" },
    });
  }
  await audit(tx, entries);
  return { created, updated, groupsCreated: plan.newGroups.length };
}
